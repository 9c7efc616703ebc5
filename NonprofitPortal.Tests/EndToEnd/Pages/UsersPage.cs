using Microsoft.Playwright;

namespace NonprofitPortal.Tests.EndToEnd.Pages;

public sealed class UsersPage(IPage page)
{
    public async Task CreateWithPasswordAsync(string email, string password, params string[] roles)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "New user" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Email" }).FillAsync(email);
        await dialog.GetByText("Set a password now").ClickAsync();
        await dialog.Locator("input[type=password]").FillAsync(password);
        // Staff is ticked for a new user; untick it unless asked for.
        if (!roles.Contains("Staff"))
        {
            await dialog.GetByText("Staff —").ClickAsync();
        }

        foreach (var role in roles.Where(r => r != "Staff"))
        {
            await dialog.GetByText($"{role} —").ClickAsync();
        }

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    public ILocator Row(string email) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
}
