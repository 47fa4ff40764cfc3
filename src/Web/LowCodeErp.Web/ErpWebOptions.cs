namespace LowCodeErp.Web;

/// <summary>How the host signs staff in and where its other applications live.</summary>
public sealed class ErpWebOptions
{
    /// <summary>
    /// The sign-in scheme of the pages (the single sign-on's login cookie in the embedded server). Null: the host's
    /// default scheme. Its challenge must send a browser to a login page. Every page and the interactive circuit
    /// require the shared page policy <c>PagePolicies.SignedInPage</c> (ServiceDefaults), registered for this scheme.
    /// </summary>
    public string? AuthenticationScheme { get; set; }

    /// <summary>Elsa Studio's address, for the app bar's link and the instance links of the task page.</summary>
    public string StudioPath { get; set; } = "/studio";
}
