using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Features.Drafts.History;

/// <summary>Everything of a draft that its history keeps and a restore brings back.</summary>
/// <param name="RecipientIds">The nonprofits picked one by one, in id order (their order means nothing).</param>
/// <param name="Attachments">Media file ids in the order they are attached.</param>
public sealed record DraftContent(
    string Name,
    string SubjectTemplate,
    string BodyTemplate,
    long? LayoutId,
    bool UseLayout,
    bool RecipientsAll,
    string? RecipientsSearch,
    string? RecipientsDomain,
    string? RecipientsTag,
    IReadOnlyList<long> RecipientIds,
    IReadOnlyList<string> Cc,
    IReadOnlyList<long> Attachments,
    bool TrackOpens,
    bool TrackClicks)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public RecipientSelection Recipients => new(RecipientsAll, RecipientIds, new DirectoryFilter(RecipientsSearch, RecipientsDomain, RecipientsTag));

    public LayoutChoice Layout => new(LayoutId, UseLayout);

    public TrackingChoice Tracking => new(TrackOpens, TrackClicks);

    public static DraftContent Of(EmailDraft draft) => new(
        draft.Name,
        draft.SubjectTemplate,
        draft.BodyTemplate,
        draft.LayoutId,
        draft.UseLayout,
        draft.RecipientsAll,
        draft.RecipientsSearch,
        draft.RecipientsDomain,
        draft.RecipientsTag,
        draft.ChosenRecipients.Select(r => r.NonprofitId).Order().ToList(),
        DraftService.CcOf(draft),
        draft.Attachments.OrderBy(a => a.Position).Select(a => a.MediaFileId).ToList(),
        draft.TrackOpens,
        draft.TrackClicks);

    /// <summary>The same serialisation for the same content (properties in declaration order), so its hash tells content apart.</summary>
    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static DraftContent Deserialize(string json) =>
        JsonSerializer.Deserialize<DraftContent>(json, Json) ?? throw new InvalidDataException("A draft version holds no content.");

    /// <summary>SHA-256 of <paramref name="serialized"/>, in hex.</summary>
    public static string Hash(string serialized) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(serialized)));

    /// <summary>What a save of this content takes, for a restore.</summary>
    public DraftInput ToInput() => new(Name, SubjectTemplate, BodyTemplate, Recipients, Cc)
    {
        Layout = Layout,
        Tracking = new TrackingRequest(TrackOpens, TrackClicks),
        Attachments = Attachments,
    };
}
