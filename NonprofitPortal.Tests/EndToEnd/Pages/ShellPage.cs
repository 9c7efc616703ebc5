using Microsoft.Playwright;

namespace NonprofitPortal.Tests.EndToEnd.Pages;

/// <summary>The app bar and navigation drawer around every interactive page.</summary>
public sealed class ShellPage(IPage page)
{
    public ILocator SignedInUser => page.GetByTestId("signed-in-user");

    public ILocator NavLink(string name) => page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = name });

    public async Task GoToAsync(string linkName, string heading)
    {
        await WaitUntilInteractiveAsync();
        await NavLink(linkName).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = heading }).WaitForAsync();
    }

    public Task WaitUntilInteractiveAsync() => page.Locator("[data-interactive=true]").WaitForAsync();

    public async Task SignOutAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" }).WaitForAsync();
    }
}
