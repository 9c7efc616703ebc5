using NonprofitPortal.Features.Drafts.History;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Features.Drafts.Api;

/// <summary>A version's content, in the shape of a draft.</summary>
public sealed record DraftVersionResponse(
    int Version,
    string SavedBy,
    DateTimeOffset SavedAt,
    string Kind,
    int? RestoredFrom,
    string Name,
    string SubjectTemplate,
    string BodyTemplate,
    RecipientsDto Recipients,
    IReadOnlyList<string> Cc,
    long? LayoutId,
    bool UseLayout,
    TrackingChoice Tracking,
    IReadOnlyList<long> Attachments)
{
    public static DraftVersionResponse From(DraftVersionDetails details)
    {
        var (version, content) = (DraftVersionItem.From(details.Version), details.Content);
        return new(
            version.Version, version.SavedBy, version.SavedAt, version.Kind, version.RestoredFrom, content.Name, content.SubjectTemplate, content.BodyTemplate,
            RecipientsDto.From(content.Recipients), content.Cc, content.LayoutId, content.UseLayout, content.Tracking, content.Attachments);
    }
}
