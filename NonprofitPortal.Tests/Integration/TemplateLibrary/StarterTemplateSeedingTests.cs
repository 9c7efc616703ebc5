using System.Security.Claims;
using NonprofitPortal.Features.TemplateLibrary;

namespace NonprofitPortal.Tests.Integration.TemplateLibrary;

/// <summary>A host of its own: these tests delete a starter, which the shared host's other tests expect.</summary>
public sealed class StarterTemplateSeedingTests
{
    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, PortalHost.AdminEmail)], "test"));
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Starters_are_added_once_however_often_and_at_once_nodes_seed_and_a_deleted_one_stays_deleted()
    {
        await using var host = new PortalHost();
        host.StartServer();
        var templates = host.Services.GetRequiredService<TemplateLibraryService>();

        await Task.WhenAll(templates.SeedStartersAsync(Cancel), templates.SeedStartersAsync(Cancel), templates.SeedStartersAsync(Cancel));
        var seeded = await templates.ListAsync(null, Cancel);
        var grantRound = seeded.Single(t => t.Name == StarterTemplates.GrantRoundOpen.Name);
        await templates.DeleteAsync(grantRound.Id, Admin, Cancel);
        await templates.SeedStartersAsync(Cancel);

        Assert.Equal(["Event invitation", "Grant round open", "Reporting reminder"], seeded.Select(t => t.Name));
        Assert.All(seeded, t => Assert.Equal("system", t.UpdatedBy));
        Assert.Equal(["Event invitation", "Reporting reminder"], (await templates.ListAsync(null, Cancel)).Select(t => t.Name));
    }
}
