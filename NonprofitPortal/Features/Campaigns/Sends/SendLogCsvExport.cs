using System.Globalization;
using CsvHelper;
using NonprofitPortal.Features.Nonprofits.Import;

namespace NonprofitPortal.Features.Campaigns.Sends;

/// <summary>Writes a campaign's per-recipient log as CSV, with the API's column names; text a spreadsheet would run as a formula is quoted.</summary>
public sealed class SendLogCsvExport(SendLog log)
{
    public async Task WriteAsync(Stream destination, long campaignId, SendLogFilter filter, CancellationToken cancellationToken)
    {
        await using var writer = CsvWriter.Create(destination, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true);
        writer.WriteHeader([
            "id", "nonprofitId", "name", "email", "status", "attempts", "server", "reply", "sentAt", "messageId",
            "bouncedAt", "bounceType", "complainedAt", "openedAt", "clickedAt"]);
        await foreach (var entry in log.StreamAsync(campaignId, filter, cancellationToken))
        {
            writer.WriteField(entry.Id.ToString(CultureInfo.InvariantCulture));
            writer.WriteField(entry.NonprofitId?.ToString(CultureInfo.InvariantCulture) ?? "");
            writer.WriteField(SpreadsheetFormulas.Neutralise(entry.Name));
            writer.WriteField(SpreadsheetFormulas.Neutralise(entry.Email));
            writer.WriteField(entry.Status.ToString().ToLowerInvariant());
            writer.WriteField(entry.Attempts.ToString(CultureInfo.InvariantCulture));
            writer.WriteField(SpreadsheetFormulas.Neutralise(entry.Server ?? ""));
            writer.WriteField(SpreadsheetFormulas.Neutralise(entry.Reply ?? ""));
            writer.WriteField(Time(entry.SentAt));
            writer.WriteField(SpreadsheetFormulas.Neutralise(entry.MessageId ?? ""));
            writer.WriteField(Time(entry.BouncedAt));
            writer.WriteField(entry.BounceType?.ToString().ToLowerInvariant() ?? "");
            writer.WriteField(Time(entry.ComplainedAt));
            writer.WriteField(Time(entry.OpenedAt));
            writer.WriteField(Time(entry.ClickedAt));
            await writer.EndRecordAsync(cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? "";
}
