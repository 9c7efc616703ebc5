using Microsoft.Playwright;

namespace NonprofitPortal.Tests.EndToEnd.Pages;

public sealed class DirectoryPage(IPage page)
{
    public ILocator Rows => page.Locator("tbody tr.mud-table-row");

    public ILocator Row(string text) => Rows.Filter(new() { HasText = text });

    public ILocator EmptyState => page.GetByTestId("directory-empty");

    public async Task AddAsync(string name, string email, string address, string tags)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Add nonprofit" }).ClickAsync();
        await FillDialogAsync(name, email, address, tags);
    }

    public async Task EditAsync(string currentName, string newName)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Edit {currentName}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Name" }).FillAsync(newName);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    public async Task SearchAsync(string text) =>
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Search nonprofits" }).FillAsync(text);

    private async Task FillDialogAsync(string name, string email, string address, string tags)
    {
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Name" }).FillAsync(name);
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Email" }).FillAsync(email);
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Address" }).FillAsync(address);
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Tags" }).FillAsync(tags);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}
