using MudBlazor;

namespace LowCodeErp.Web.Components.Layout;

/// <summary>Studio's look: its slate navigation bar and sky accent on MudBlazor's Material defaults.</summary>
internal static class ErpTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0284c7",
            Secondary = "#38bdf8",
            AppbarBackground = "#1e293b",
            AppbarText = "#f1f5f9",
            Background = "#f8fafc",
            Error = "#dc2626",
            Warning = "#d97706",
        },
    };
}
