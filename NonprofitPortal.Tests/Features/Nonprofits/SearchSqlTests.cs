using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Features.Nonprofits.Search;
using NonprofitPortal.Tests.Data;

namespace NonprofitPortal.Tests.Features.Nonprofits;

/// <summary>The SQL each provider's search generates, checked as text: SQL Server cannot run here.</summary>
public sealed class SearchSqlTests
{
    [Fact]
    public void Sql_server_search_is_a_prefix_like_that_an_index_can_seek()
    {
        using var model = ProviderModel.SqlServer();

        var sql = model.Get<INonprofitSearch>().Matching(model.Db, SearchTerms.Parse("École Trust"), readInNameOrder: false).ToQueryString();

        Assert.Contains("[n].[SortName] LIKE", sql);
        Assert.Contains("[n].[NormalizedEmail] LIKE", sql);
        Assert.Contains("N'ecole trust%'", sql);
        Assert.DoesNotContain("N'%", sql);
    }

    [Fact]
    public void Postgres_search_matches_the_indexed_tsvector_with_prefix_terms()
    {
        using var model = ProviderModel.Postgres();

        var sql = model.Get<INonprofitSearch>().Matching(model.Db, SearchTerms.Parse("École trust"), readInNameOrder: false).ToQueryString();

        Assert.Contains("\"SearchVector\" @@ to_tsquery('simple',", sql);
        Assert.Contains("ecole:* & trust:*", sql);
    }

    [Fact]
    public void Sqlite_search_asks_the_fts5_index()
    {
        using var model = ProviderModel.Sqlite();

        var sql = model.Get<INonprofitSearch>().Matching(model.Db, SearchTerms.Parse("acme trust"), readInNameOrder: false).ToQueryString();

        Assert.Contains("SELECT rowid FROM NonprofitSearch WHERE NonprofitSearch MATCH", sql);
        Assert.Contains("\"acme\"* AND \"trust\"*", sql);
    }

    [Fact]
    public void Sqlite_reads_broad_results_in_name_order_from_the_name_index()
    {
        using var model = ProviderModel.Sqlite();

        var sql = model.Get<INonprofitSearch>().Matching(model.Db, SearchTerms.Parse("acme"), readInNameOrder: true).ToQueryString();

        Assert.Contains("FROM Nonprofits INDEXED BY IX_Nonprofits_SortName_Id WHERE Id IN", sql);
    }

    [Theory]
    [InlineData("  Acme   Trust ", new[] { "acme", "trust" })]
    [InlineData("info@acme.org", new[] { "info", "acme", "org" })]
    [InlineData("Ça va, Zoë!", new[] { "ca", "va", "zoe" })]
    [InlineData("\" OR 1=1 --", new[] { "or", "1" })]
    public void Search_text_is_cut_into_folded_words(string typed, string[] words)
    {
        Assert.Equal(words, SearchTerms.Parse(typed).Words);
    }
}
