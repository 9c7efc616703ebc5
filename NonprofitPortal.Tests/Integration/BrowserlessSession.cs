using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NonprofitPortal.Tests.Integration;

/// <summary>
/// Drives the statically rendered sign-in pages the way a browser without JavaScript would:
/// GET the form, POST it back with its antiforgery token, keep the cookies.
/// </summary>
public sealed class BrowserlessSession(PortalHost host) : IDisposable
{
    private static readonly Uri SiteRoot = new("http://localhost/");

    private readonly HttpClient _client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(path, TestContext.Current.CancellationToken);

    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string returnUrl = "")
    {
        var path = string.IsNullOrEmpty(returnUrl) ? "/Account/Login" : $"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        return await SubmitFormAsync(path, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    /// <summary>Posts the page's only form with its hidden fields plus <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string path, IReadOnlyDictionary<string, string> fields)
    {
        var page = await _client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var form = document.QuerySelector("form[method=post]") ?? throw new InvalidOperationException($"{path} has no form.");
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Where(input => input.GetAttribute("name") is not null)
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? "");
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? path : new Uri(SiteRoot, action).PathAndQuery;
        return await _client.PostAsync(target, new FormUrlEncodedContent(values), TestContext.Current.CancellationToken);
    }

    /// <summary>Where a redirect points, as a path, whether the server wrote it absolute or relative.</summary>
    public static string RedirectPath(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Uri(SiteRoot, response.Headers.Location!.OriginalString.TrimStart('~')).AbsolutePath;
    }

    public void Dispose() => _client.Dispose();
}
