namespace LowCodeErp.Workflows.Runtime.EntityConfigurations;

/// <summary>Column lengths: indexed text needs a bound (SQL Server cannot index nvarchar(max)); JSON stays unbounded.</summary>
internal static class Lengths
{
    public const int Id = 200;
    public const int Name = 400;
    public const int Hash = 64;
    public const int Status = 32;
}
