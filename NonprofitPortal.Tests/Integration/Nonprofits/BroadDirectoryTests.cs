using System.Net;
using System.Text;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Tests.Integration.Nonprofits;

/// <summary>On a host of its own: it fills the directory past the count limit.</summary>
public sealed class BroadDirectoryTests : IAsyncLifetime
{
    private readonly PortalHost _host = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_broad_filter_stops_counting_at_the_limit_and_still_pages_in_name_order()
    {
        using var admin = await _host.AdminClientAsync();
        var csv = new StringBuilder("name,address,email,tags\n");
        for (var i = NonprofitDirectory.CountLimit + 10; i > 0; i--)
        {
            csv.Append($"Org {i:D5},Road,org{i}@broad-test.org,{(i % 1000 == 0 ? "rare" : "common")}\n");
        }

        var (status, report, _) = await new NonprofitApi(admin).ImportAsync(csv.ToString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(NonprofitDirectory.CountLimit + 10, report!.Imported);
        var directory = _host.Services.GetRequiredService<NonprofitDirectory>();

        var broad = await directory.PageAsync(new DirectoryFilter(Tag: "common"), DirectorySort.Name, false, 1, 25, TestContext.Current.CancellationToken);
        var narrow = await directory.PageAsync(new DirectoryFilter(Tag: "rare"), DirectorySort.Name, false, 0, 25, TestContext.Current.CancellationToken);
        var searched = await directory.PageAsync(new DirectoryFilter(Search: "org"), DirectorySort.Name, true, 0, 3, TestContext.Current.CancellationToken);

        Assert.Equal((NonprofitDirectory.CountLimit, true), (broad.TotalCount, broad.MoreThanTotal));
        Assert.Equal(Enumerable.Range(26, 25).Select(i => $"Org {i:D5}"), broad.Items.Select(n => n.Name));
        Assert.Equal((5, false), (narrow.TotalCount, narrow.MoreThanTotal));
        Assert.Equal(["Org 05010", "Org 05009", "Org 05008"], searched.Items.Select(n => n.Name));
    }
}
