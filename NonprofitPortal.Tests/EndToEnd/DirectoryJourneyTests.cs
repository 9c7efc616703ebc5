using Microsoft.Playwright;
using NonprofitPortal.Tests.EndToEnd.Pages;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration;

namespace NonprofitPortal.Tests.EndToEnd;

[Collection(BrowserJourneyCollection.Name)]
public sealed class DirectoryJourneyTests(BrowserHost app, ChromiumBrowser browser)
{
    [Fact]
    public async Task Staff_add_search_edit_and_import_nonprofits_with_a_bad_row_reported_by_line()
    {
        await using var browserSession = await SignedInBrowser.StartAsync(browser, app, PortalHost.AdminEmail, PortalHost.AdminPassword);
        var (page, shell) = (browserSession.Page, browserSession.Shell);
        var directory = new DirectoryPage(page);

        await shell.GoToAsync("Nonprofits", "Nonprofits");
        await directory.AddAsync("Harbour Youth Sailing", "crew@harbour-journey.org", "1 Quay Road\nPortsmouth", "youth, sport");
        await Assertions.Expect(directory.Row("crew@harbour-journey.org")).ToContainTextAsync("youth");
        await directory.AddAsync("Valley Choir", "sing@valley-journey.org", "9 Chapel Row", "music");
        await Assertions.Expect(directory.Rows).ToHaveCountAsync(2);

        // The count drops only once the filtered page has arrived: the rows are then safe to click.
        await directory.SearchAsync("harbour");
        await Assertions.Expect(directory.Rows).ToHaveCountAsync(1);
        await directory.EditAsync("Harbour Youth Sailing", "Harbour Youth Sailing Trust");
        await Assertions.Expect(directory.Row("crew@harbour-journey.org")).ToContainTextAsync("Harbour Youth Sailing Trust");

        await directory.SearchAsync("no such nonprofit anywhere");
        await Assertions.Expect(directory.EmptyState).ToContainTextAsync("No nonprofit matches");

        await page.GetByRole(AriaRole.Link, new() { Name = "Import CSV" }).ClickAsync();
        var import = new ImportPage(page);
        await shell.WaitUntilInteractiveAsync();
        await import.ChooseFileAsync("journey.csv", "name,address,email,tags\nMeadow Food Bank,2 Field Lane,food@meadow-journey.org,food\nBroken Row,3 Lane,not-an-email,\nRiver Arts,\"4 Bank St, Unit 2\",arts@river-journey.org,arts\n");
        await Assertions.Expect(import.Summary).ToContainTextAsync("3 row(s)");
        await Assertions.Expect(import.Errors).ToContainTextAsync("3");
        await Assertions.Expect(import.Errors).ToContainTextAsync("not a valid email");

        await import.ImportAsync();
        await Assertions.Expect(import.Report).ToContainTextAsync("Imported 2");

        await page.GetByRole(AriaRole.Link, new() { Name = "Open the directory" }).ClickAsync();
        await shell.WaitUntilInteractiveAsync();
        await directory.SearchAsync("journey");
        await Assertions.Expect(directory.Rows).ToHaveCountAsync(4);
    }
}
