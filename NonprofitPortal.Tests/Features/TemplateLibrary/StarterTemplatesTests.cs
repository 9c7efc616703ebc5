using NonprofitPortal.Features.Drafts.Templates;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.TemplateLibrary;

namespace NonprofitPortal.Tests.Features.TemplateLibrary;

public sealed class StarterTemplatesTests
{
    private static readonly TemplateModel Model = new(
        new NonprofitValues("River Trust", "2 Water Lane\nMillbrook", "hello@rivertrust.org", ["environment"]),
        new FoundationValues("Acme Foundation", "1 Main Street\nSpringfield"),
        new SenderValues("Sam Carter", "sam@acme.org"),
        "https://portal.acme.org/unsubscribe/abc",
        new DateOnly(2026, 3, 31))
    {
        WebVersionUrl = "https://portal.acme.org/web/abc",
    };

    public static TheoryData<string> Keys => new(StarterTemplates.All.Select(s => s.Key));

    [Theory]
    [MemberData(nameof(Keys))]
    public void Each_starter_renders_in_the_default_layout_without_errors(string key)
    {
        var starter = StarterTemplates.All.Single(s => s.Key == key);
        var (document, composeErrors) = EmailDocument.Compose(starter.BodyTemplate, DefaultLayout.Html);

        var result = new TemplateRenderer().Render(starter.SubjectTemplate, document!, Model, TestContext.Current.CancellationToken);

        Assert.Empty(composeErrors);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Part} {e.Line}:{e.Column} {e.Message}")));
        Assert.Contains("River Trust", result.Email.Html);
        Assert.Contains("Sam Carter", result.Email.Html);
        Assert.DoesNotContain("{{", result.Email.Subject + result.Email.Html);
    }

    [Fact]
    public void The_starters_are_the_three_the_issue_asks_for_each_described()
    {
        Assert.Equal(["Grant round open", "Reporting reminder", "Event invitation"], StarterTemplates.All.Select(s => s.Name));
        Assert.All(StarterTemplates.All, s => Assert.InRange(s.Description.Length, 40, TemplateRules.MaxDescriptionLength));
        Assert.Equal(3, StarterTemplates.All.Select(s => s.Key).Distinct().Count());
    }
}
