using System.Globalization;
using CsvHelper;
using NonprofitPortal.Features.Nonprofits.Import;

namespace NonprofitPortal.Features.Campaigns.Reports;

/// <summary>
/// A report as one CSV table in long form, easy to pivot: the totals (with their rate of
/// delivered), each hour of the timeline (one row per measure), then each link.
/// </summary>
public static class CampaignReportCsvExport
{
    public static async Task WriteAsync(Stream destination, CampaignReport report, CancellationToken cancellationToken)
    {
        await using var writer = CsvWriter.Create(destination, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true);
        writer.WriteHeader(["section", "item", "count", "rateOfDelivered", "unique"]);
        foreach (var (measure, count) in new[]
        {
            ("delivered", report.Delivered), ("bounced", report.Bounced), ("complained", report.Complained), ("unsubscribed", report.Unsubscribed),
            ("opened", report.Opened), ("clicked", report.Clicked), ("uniqueOpens", report.UniqueOpens), ("uniqueClicks", report.UniqueClicks),
        })
        {
            await RowAsync(writer, "totals", measure, count, report.RateOfDelivered(count), null, cancellationToken);
        }

        foreach (var hour in report.Timeline)
        {
            var at = hour.Hour.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            foreach (var (measure, count) in new[] { ("sent", hour.Sent), ("opens", hour.Opens), ("clicks", hour.Clicks), ("bounces", hour.Bounces) })
            {
                await RowAsync(writer, $"hour {at}", measure, count, null, null, cancellationToken);
            }
        }

        foreach (var link in report.Links)
        {
            await RowAsync(writer, "link", SpreadsheetFormulas.Neutralise(link.Url), link.Clicks, report.RateOfDelivered(link.UniqueClicks), link.UniqueClicks, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static async Task RowAsync(CsvWriter writer, string section, string item, int count, double? rate, int? unique, CancellationToken cancellationToken)
    {
        writer.WriteField(section);
        writer.WriteField(item);
        writer.WriteField(count.ToString(CultureInfo.InvariantCulture));
        writer.WriteField(rate?.ToString("0.####", CultureInfo.InvariantCulture) ?? "");
        writer.WriteField(unique?.ToString(CultureInfo.InvariantCulture) ?? "");
        await writer.EndRecordAsync(cancellationToken);
    }
}
