using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Features.Campaigns.Pages;

/// <summary>What the send dialog says: its button, why recipients were left out, and a refused launch in the dialog's words.</summary>
public static class SendDialogText
{
    public static string Confirm(LaunchPreview preview, bool later)
    {
        var messages = preview.Messages == 1 ? "1 message" : $"{preview.Messages:N0} messages";
        return preview.AwaitsApproval ? $"Submit {messages} for approval" : later ? $"Schedule {messages}" : $"Send {messages}";
    }

    public static string Copies(int recipients) => recipients == 1 ? "1 copy" : $"{recipients:N0} copies";

    public static string SuppressedWhy(RecipientCount count) => string.Join("; ", new[]
    {
        (Count: count.SuppressedFor(SuppressionReasons.HardBounce), Why: "address does not exist (hard bounce)"),
        (Count: count.SuppressedFor(SuppressionReasons.SoftBounces), Why: "mail kept bouncing (soft bounces)"),
        (Count: count.SuppressedFor(SuppressionReasons.Manual), Why: "stopped by staff"),
    }.Where(reason => reason.Count > 0).Select(reason => $"{reason.Count:N0} {reason.Why}")) + ". Allow them again from their page in the directory.";

    /// <summary>Each field's problem after the field's name on screen, or the one message.</summary>
    public static IReadOnlyList<string> Problems(OperationResult failed) =>
        failed.FieldErrors is { Count: > 0 } fields
            ? fields.SelectMany(field => field.Value.Select(message => $"{FieldLabel(field.Key)}: {message}")).ToList()
            : [failed.Message ?? "The draft could not be sent."];

    private static string FieldLabel(string field) => field switch
    {
        "subjectTemplate" => "Subject",
        "bodyTemplate" => "Body",
        "layoutId" => "Layout",
        "recipients" => "Recipients",
        "cc" => "CC",
        "name" => "Name",
        "sendAt" => "Send time",
        _ => field,
    };
}
