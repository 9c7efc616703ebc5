using System.Runtime.CompilerServices;
using CsvHelper;

namespace NonprofitPortal.Features.Nonprofits.Import;

/// <summary>
/// Reads a <c>name,address,email[,tags]</c> file record by record, with the line each record
/// starts on. Bad records (broken quoting, missing or invalid fields) come back as problems, not
/// exceptions, so the good ones can still be imported.
/// </summary>
public sealed class NonprofitCsv : IAsyncDisposable
{
    public const string ExpectedHeader = "name,address,email (and optionally tags)";

    private readonly CsvReader _reader;
    private readonly Queue<ImportError> _malformed;
    private readonly int _name;
    private readonly int _address;
    private readonly int _email;
    private readonly int _tags;

    private NonprofitCsv(CsvReader reader, Queue<ImportError> malformed, int name, int address, int email, int tags)
    {
        _reader = reader;
        _malformed = malformed;
        _name = name;
        _address = address;
        _email = email;
        _tags = tags;
    }

    public bool HasTags => _tags >= 0;

    /// <summary>How far into the file the reader is, in bytes: for progress bars.</summary>
    public long BytesRead => _reader.ByteOffset;

    /// <summary>Opens the file and checks its header; a file without one cannot be read at all.</summary>
    public static async Task<(NonprofitCsv? Csv, string? Problem)> OpenAsync(Stream stream, CancellationToken cancellationToken)
    {
        var malformed = new Queue<ImportError>();
        var reader = CsvReader.Create(stream, new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => malformed.Enqueue(new ImportError(record.LineNumber, Describe(record.Reason))),
        });
        try
        {
            await reader.ReadHeaderAsync(cancellationToken);
        }
        catch (CsvFormatException exception)
        {
            await reader.DisposeAsync();
            return (null, $"The header line cannot be read ({exception.Message}). The first line must be {ExpectedHeader}.");
        }

        var headers = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var (name, address, email, tags) = (headers.IndexOf("name"), headers.IndexOf("address"), headers.IndexOf("email"), headers.IndexOf("tags"));
        if (name < 0 || address < 0 || email < 0)
        {
            await reader.DisposeAsync();
            var found = headers.Count == 0 ? "the file is empty" : $"found \"{string.Join(",", reader.Headers)}\"";
            return (null, $"The first line must be the header {ExpectedHeader}; {found}.");
        }

        return (new NonprofitCsv(reader, malformed, name, address, email, tags), null);
    }

    public async IAsyncEnumerable<CsvRecord> RecordsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await _reader.ReadAsync(cancellationToken))
        {
            while (_malformed.TryDequeue(out var skipped))
            {
                yield return new CsvRecord(skipped.Line, null, skipped.Message);
            }

            yield return Validate();
        }

        while (_malformed.TryDequeue(out var skipped))
        {
            yield return new CsvRecord(skipped.Line, null, skipped.Message);
        }
    }

    public ValueTask DisposeAsync() => _reader.DisposeAsync();

    private CsvRecord Validate()
    {
        var line = _reader.LineNumber;
        var input = new NonprofitInput(
            Field(_name),
            Field(_address),
            Field(_email),
            HasTags ? NonprofitRules.ParseTags(Field(_tags)) : []);
        var (fields, errors) = NonprofitRules.Validate(input);
        return fields is null
            ? new CsvRecord(line, null, string.Join(" ", errors.Values.SelectMany(messages => messages)))
            : new CsvRecord(line, fields, null);
    }

    /// <remarks>Takes off the quote our export puts before cells a spreadsheet would run as formulas.</remarks>
    private string Field(int index) => index < _reader.FieldCount ? SpreadsheetFormulas.Restore(_reader.GetString(index)) : "";

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => "A quoted field is never closed: check the quotes on this line.",
        CsvMalformedReason.StrayQuote => "A quote appears inside a field that is not quoted; quote the whole field and double the inner quote (\"\").",
        CsvMalformedReason.TextAfterClosingQuote => "There is text after a closing quote; quote the whole field and double the inner quote (\"\").",
        _ => $"The record is malformed ({reason}).",
    };
}
