using Microsoft.Playwright;

namespace NonprofitPortal.Tests.EndToEnd.Pages;

public sealed class LoginPage(IPage page)
{
    public async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync("Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" }).WaitForAsync();
    }
}
