using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Tests.Data;

namespace NonprofitPortal.Tests.Features.Drafts;

/// <summary>
/// The SQL a selection of picked nonprofits generates, checked as text. EF's default is a
/// parameter per id: with thousands picked, SQLite spent seconds per launch binding them by name.
/// </summary>
public sealed class DraftRecipientsSqlTests
{
    private static readonly long[] HundredsPicked = [.. Enumerable.Range(1, 800).Select(i => (long)i)];

    public static TheoryData<string> Providers => ["Sqlite", "SqlServer", "PostgreSQL"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Picked_nonprofits_are_read_through_one_parameter_holding_every_id(string provider)
    {
        using var model = Model(provider);

        var sql = model.Get<DraftRecipients>().Selected(model.Db, new RecipientSelection(false, HundredsPicked, DirectoryFilter.All)).ToQueryString();

        Assert.DoesNotContain("ids2", sql);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Picked_nonprofits_with_a_filter_keep_one_parameter_for_the_ids(string provider)
    {
        using var model = Model(provider);

        var sql = model.Get<DraftRecipients>().Selected(model.Db, new RecipientSelection(false, HundredsPicked, new DirectoryFilter(Domain: "example.org"))).ToQueryString();

        Assert.DoesNotContain("ids2", sql);
    }

    private static ProviderModel Model(string provider) => provider switch
    {
        "Sqlite" => ProviderModel.Sqlite(),
        "SqlServer" => ProviderModel.SqlServer(),
        _ => ProviderModel.Postgres(),
    };
}
