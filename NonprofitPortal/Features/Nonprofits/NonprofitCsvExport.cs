using CsvHelper;
using NonprofitPortal.Features.Nonprofits.Import;

namespace NonprofitPortal.Features.Nonprofits;

/// <summary>Writes the nonprofits a filter covers as CSV that the import reads back, safe to open in a spreadsheet.</summary>
public sealed class NonprofitCsvExport(NonprofitDirectory directory)
{
    public async Task WriteAsync(Stream destination, DirectoryFilter filter, CancellationToken cancellationToken)
    {
        await using var writer = CsvWriter.Create(destination, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true);
        writer.WriteHeader(["name", "address", "email", "tags", "optedOutAt"]);
        await foreach (var nonprofit in directory.StreamAsync(filter, cancellationToken))
        {
            writer.WriteField(SpreadsheetFormulas.Neutralise(nonprofit.Name));
            writer.WriteField(SpreadsheetFormulas.Neutralise(nonprofit.Address));
            writer.WriteField(SpreadsheetFormulas.Neutralise(nonprofit.Email));
            writer.WriteField(SpreadsheetFormulas.Neutralise(string.Join(';', nonprofit.Tags)));
            writer.WriteField(nonprofit.OptedOutAt?.UtcDateTime.ToString("O") ?? "");
            await writer.EndRecordAsync(cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }
}
