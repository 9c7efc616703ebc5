using System.Net;
using System.Net.Http.Json;
using NonprofitPortal.Features.Accounts;

namespace NonprofitPortal.Tests.Integration.Accounts;

[Collection(SqliteHostCollection.Name)]
public sealed class SignInTests(SqliteHost fixture)
{
    private readonly PortalHost _host = fixture.Host;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_page()
    {
        using var session = new BrowserlessSession(_host);

        var response = await session.GetAsync("/");

        Assert.Equal("/Account/Login", BrowserlessSession.RedirectPath(response));
    }

    [Fact]
    public async Task Signing_in_opens_the_dashboard_and_signing_out_closes_it()
    {
        using var session = new BrowserlessSession(_host);

        var signIn = await session.SignInAsync(PortalHost.AdminEmail, PortalHost.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var dashboard = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Dashboard", await dashboard.Content.ReadAsStringAsync(Cancel));

        var signOut = await session.SubmitFormAsync("/", new Dictionary<string, string>());
        Assert.Equal("/Account/Login", BrowserlessSession.RedirectPath(signOut));
        Assert.Equal("/Account/Login", BrowserlessSession.RedirectPath(await session.GetAsync("/")));
    }

    [Fact]
    public async Task Signing_in_returns_to_the_page_asked_for()
    {
        using var session = new BrowserlessSession(_host);

        var signIn = await session.SignInAsync(PortalHost.AdminEmail, PortalHost.AdminPassword, "/admin/users");

        Assert.Equal("/admin/users", BrowserlessSession.RedirectPath(signIn));
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_visitor_on_the_sign_in_page_with_a_message()
    {
        await _host.CreateUserAsync("typo@portal.test", "Typo-Pass-1!", BuiltInRoles.Staff);
        using var session = new BrowserlessSession(_host);

        var response = await session.SignInAsync("typo@portal.test", "Typo-Pass-2!");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or password is wrong.", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_against_the_right_password()
    {
        await _host.CreateUserAsync("forgetful@portal.test", "Right-Pass-1!", BuiltInRoles.Staff);
        using var session = new BrowserlessSession(_host);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await session.SignInAsync("forgetful@portal.test", "Wrong-Pass-1!");
        }

        var withRightPassword = await session.SignInAsync("forgetful@portal.test", "Right-Pass-1!");
        Assert.Equal("/Account/Lockout", BrowserlessSession.RedirectPath(withRightPassword));
    }

    [Fact]
    public async Task Failed_token_requests_lock_the_account_and_then_get_429_with_retry_after()
    {
        await _host.CreateUserAsync("scripted@portal.test", "Script-Pass-1!", BuiltInRoles.Staff);
        using var client = _host.CreateClient();
        var wrong = new { email = "scripted@portal.test", password = "Nope-Pass-1!" };

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/token", wrong, Cancel)).StatusCode);
        }

        var fifth = await client.PostAsJsonAsync("/api/auth/token", wrong, Cancel);
        var right = await client.PostAsJsonAsync("/api/auth/token", new { email = "scripted@portal.test", password = "Script-Pass-1!" }, Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task A_viewer_is_refused_the_admin_pages()
    {
        await _host.CreateUserAsync("viewer.pages@portal.test", "Viewer-Pass-1!", BuiltInRoles.Viewer);
        using var session = new BrowserlessSession(_host);
        await session.SignInAsync("viewer.pages@portal.test", "Viewer-Pass-1!");

        foreach (var page in new[] { "/admin/users", "/admin/roles", "/admin/audit" })
        {
            var response = await session.GetAsync(page);
            Assert.Equal("/Account/AccessDenied", BrowserlessSession.RedirectPath(response));
        }

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Forgot_password_mails_a_reset_link_that_sets_a_new_password()
    {
        await _host.CreateUserAsync("reset.me@portal.test", "Old-Pass-1!", BuiltInRoles.Staff);
        using var session = new BrowserlessSession(_host);

        await session.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = "reset.me@portal.test" });
        var mail = Directory.GetFiles(_host.PickupDirectory, "*.eml")
            .Select(path => MimeKit.MimeMessage.Load(path))
            .Single(message => message.To.Mailboxes.Any(m => m.Address == "reset.me@portal.test"));
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(mail.HtmlBody ?? "", "href=\"([^\"]+)\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal));
        var reset = await session.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Email"] = "reset.me@portal.test",
            ["Input.Password"] = "New-Pass-1!",
            ["Input.ConfirmPassword"] = "New-Pass-1!",
        });

        Assert.Equal("/Account/ResetPasswordConfirmation", BrowserlessSession.RedirectPath(reset));
        using var client = await _host.ClientWithTokenAsync("reset.me@portal.test", "New-Pass-1!");
        Assert.NotNull(client.DefaultRequestHeaders.Authorization);
    }
}
