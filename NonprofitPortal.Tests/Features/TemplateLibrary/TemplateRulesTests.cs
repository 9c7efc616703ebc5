using NonprofitPortal.Features.Drafts.Templates;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.TemplateLibrary;

namespace NonprofitPortal.Tests.Features.TemplateLibrary;

public sealed class TemplateRulesTests
{
    private static TemplateInput Input(string? name = "Spring update", string? description = "For the spring", IReadOnlyList<string>? cc = null) =>
        new(name, description, "Hello {{ nonprofit.name }}", "<p>Body</p>", LayoutChoice.Default, cc ?? [], []);

    [Fact]
    public void A_template_without_a_name_is_refused_with_a_reason()
    {
        var (valid, errors) = TemplateRules.Validate(Input(name: "   "), []);

        Assert.Null(valid);
        Assert.Equal("Give the template a name, so that others can find it.", Assert.Single(errors["name"]));
    }

    [Fact]
    public void Names_and_descriptions_over_their_limits_are_refused()
    {
        var (_, errors) = TemplateRules.Validate(Input(name: new string('n', TemplateRules.MaxNameLength + 1), description: new string('d', TemplateRules.MaxDescriptionLength + 1)), []);

        Assert.Contains("at most 200 characters", errors["name"][0]);
        Assert.Contains("at most 1,000 characters", errors["description"][0]);
    }

    [Fact]
    public void Template_errors_go_to_their_field_with_line_and_column()
    {
        TemplateError[] rendered =
        [
            new(TemplateError.Subject, 1, 7, "The variable `nonprofit.nmae` does not exist.", ""),
            new(TemplateError.Body, 3, 2, "Unexpected end of template.", ""),
        ];

        var (valid, errors) = TemplateRules.Validate(Input(), rendered);

        Assert.Null(valid);
        Assert.Equal("Line 1, column 7: The variable `nonprofit.nmae` does not exist.", Assert.Single(errors["subjectTemplate"]));
        Assert.Equal("Line 3, column 2: Unexpected end of template.", Assert.Single(errors["bodyTemplate"]));
    }

    [Fact]
    public void Cc_addresses_are_checked_as_a_drafts_are()
    {
        var (_, errors) = TemplateRules.Validate(Input(cc: ["officer@foundation.test", "not-an-email"]), []);

        Assert.Contains("not-an-email", Assert.Single(errors["cc"]));
    }

    [Fact]
    public void A_valid_template_comes_back_trimmed_with_distinct_cc_addresses()
    {
        var (valid, errors) = TemplateRules.Validate(Input(name: "  Spring update  ", description: " For the spring ", cc: ["a@foundation.test", "A@foundation.test"]), []);

        Assert.Empty(errors);
        Assert.Equal(("Spring update", "For the spring"), (valid!.Name, valid.Description));
        Assert.Equal(["a@foundation.test"], valid.Cc);
    }
}
