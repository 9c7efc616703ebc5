namespace NonprofitPortal.Features.Drafts.Templates;

/// <summary>The variables of <see cref="TemplateModel"/>, for the editor's side panel.</summary>
public static class TemplateVariables
{
    public static IReadOnlyList<TemplateVariable> All { get; } =
    [
        new("nonprofit.name", "The nonprofit's name."),
        new("nonprofit.address", "The nonprofit's postal address, often on several lines: {{ nonprofit.address | html.newline_to_br }} keeps them."),
        new("nonprofit.email", "The nonprofit's email address."),
        new("nonprofit.tags", "The nonprofit's tags, a list: {{ for tag in nonprofit.tags }}…{{ end }}."),
        new("foundation.name", "The foundation's name."),
        new("foundation.address", "The foundation's postal address (App:FoundationAddress), often on several lines: {{ foundation.address | html.newline_to_br }} keeps them."),
        new("foundation.logo_url", "The address of the foundation's logo (App:FoundationLogoUrl); empty when there is none."),
        new("sender.name", "The name of the person sending the email."),
        new("sender.email", "The email address of the person sending the email."),
        new("unsubscribe_url", "The link that unsubscribes this nonprofit from the foundation's emails."),
        new("web_version_url", "The link to a page that shows this nonprofit's email as sent, for those whose mail client shows it badly."),
        new("today", "The day of sending, printed as 2026-03-31; format it with {{ today | date.to_string '%d %B %Y' }}."),
    ];
}
