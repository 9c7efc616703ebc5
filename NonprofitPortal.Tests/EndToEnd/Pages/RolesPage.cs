using Microsoft.Playwright;

namespace NonprofitPortal.Tests.EndToEnd.Pages;

public sealed class RolesPage(IPage page)
{
    public async Task CreateAsync(string name, params string[] permissionTitles)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "New role" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Name" }).FillAsync(name);
        foreach (var title in permissionTitles)
        {
            await dialog.GetByText(title, new() { Exact = false }).ClickAsync();
        }

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save role" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    public ILocator Row(string roleName) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = roleName });
}
