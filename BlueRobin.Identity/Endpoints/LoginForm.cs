namespace BlueRobin.Identity.Endpoints;

/// <summary>What the login page posts.</summary>
public sealed class LoginForm
{
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string? ReturnUrl { get; set; }
}
