using System.Text.Encodings.Web;

namespace BlueRobin.Identity.Endpoints;

/// <summary>The plain HTML login form. Every value written into the page is HTML-encoded.</summary>
public static class LoginPage
{
    public sealed record Model(
        string AntiforgeryField,
        string AntiforgeryToken,
        string ReturnUrl,
        string? ClientId,
        string? Username,
        string? Error);

    public static string Render(Model model)
    {
        static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

        var error = model.Error is null ? "" : $"<p role=\"alert\">{E(model.Error)}</p>";
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Sign in to {E(Realm.Name)}</title>
            </head>
            <body>
              <h1>Sign in to {E(Realm.Name)}</h1>
              <p>Client: {E(model.ClientId)}</p>
              {error}
              <form method="post" action="{E(RealmPaths.Login)}">
                <input type="hidden" name="{E(model.AntiforgeryField)}"
                       value="{E(model.AntiforgeryToken)}">
                <input type="hidden" name="returnUrl" value="{E(model.ReturnUrl)}">
                <label>Username
                  <input name="username" value="{E(model.Username)}" autocomplete="username"
                         required>
                </label>
                <label>Password
                  <input name="password" type="password" autocomplete="current-password" required>
                </label>
                <button type="submit">Sign in</button>
              </form>
            </body>
            </html>
            """;
    }
}
