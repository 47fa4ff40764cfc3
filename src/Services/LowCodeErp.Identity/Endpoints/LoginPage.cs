using System.Text.Encodings.Web;

namespace LowCodeErp.Identity.Endpoints;

/// <summary>The sign-in page's HTML: no scripts, no external assets, every value HTML-encoded.</summary>
internal static class LoginPage
{
    public static string Render(string antiforgeryField, string antiforgeryToken, string returnUrlField, string returnUrl, string userName, string? error)
    {
        var encoder = HtmlEncoder.Default;
        var message = error is null ? "" : $"""<p class="error" role="alert">{encoder.Encode(error)}</p>""";
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Sign in · LowCodeErp</title>
              <link rel="icon" href="data:,">
              <style>
                body { font-family: system-ui, sans-serif; background: #f3f4f6; margin: 0; display: grid; place-items: center; min-height: 100vh; }
                main { background: #fff; padding: 2rem 2.5rem; border-radius: 8px; box-shadow: 0 2px 12px rgba(0,0,0,.08); width: 20rem; }
                h1 { font-size: 1.3rem; margin: 0 0 1.5rem; }
                label { display: block; font-size: .9rem; margin: 1rem 0 .3rem; }
                input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: .55rem; border: 1px solid #cbd5e1; border-radius: 4px; font-size: 1rem; }
                button { margin-top: 1.5rem; width: 100%; padding: .6rem; background: #1d4ed8; color: #fff; border: 0; border-radius: 4px; font-size: 1rem; cursor: pointer; }
                .error { background: #fee2e2; color: #991b1b; padding: .6rem; border-radius: 4px; font-size: .9rem; }
              </style>
            </head>
            <body>
              <main>
                <h1>Sign in to LowCodeErp</h1>
                {{message}}
                <form method="post" action="{{LoginEndpoints.Path}}">
                  <input type="hidden" name="{{encoder.Encode(antiforgeryField)}}" value="{{encoder.Encode(antiforgeryToken)}}">
                  <input type="hidden" name="{{returnUrlField}}" value="{{encoder.Encode(returnUrl)}}">
                  <label for="userName">User name</label>
                  <input id="userName" name="userName" type="text" autocomplete="username" required autofocus value="{{encoder.Encode(userName)}}">
                  <label for="password">Password</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required>
                  <button type="submit">Sign in</button>
                </form>
              </main>
            </body>
            </html>
            """;
    }
}
