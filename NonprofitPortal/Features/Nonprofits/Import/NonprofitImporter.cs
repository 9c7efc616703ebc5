using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Nonprofits.DataRequests;

namespace NonprofitPortal.Features.Nonprofits.Import;

/// <summary>
/// Imports a CSV file in batches inside one transaction: every good record is written or none
/// is, and every record is accounted for in the report.
/// </summary>
public sealed class NonprofitImporter(
    IDbContextFactory<AppDbContext> contextFactory, INonprofitBulkWriter bulkWriter, ErasedEmails erasedEmails, AuditLog auditLog, TimeProvider time)
{
    public const int PreviewRowCount = 10;
    private const int BatchSize = 1000;

    public async Task<OperationResult<ImportPreview>> PreviewAsync(Stream file, CancellationToken cancellationToken)
    {
        var (csv, problem) = await NonprofitCsv.OpenAsync(file, cancellationToken);
        if (csv is null)
        {
            return OperationResult<ImportPreview>.From(OperationResult.Invalid("file", problem!));
        }

        await using (csv)
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var firstRows = new List<PreviewRow>();
            var errors = new List<ImportError>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var batch = new List<string>(BatchSize);
            var erased = new HashSet<string>(StringComparer.Ordinal);
            // With nothing erased there is nothing to hash against, and hashing would make the key: a preview writes nothing.
            var anyErased = await db.ErasedEmails.AnyAsync(cancellationToken);
            var (records, existing) = (0, 0);
            await foreach (var record in csv.RecordsAsync(cancellationToken))
            {
                records++;
                if (record.Fields is not { } fields)
                {
                    errors.Add(new ImportError(record.Line, record.Problem!));
                    continue;
                }

                if (firstRows.Count < PreviewRowCount)
                {
                    firstRows.Add(new PreviewRow(record.Line, fields));
                }

                if (!seen.Add(fields.NormalizedEmail))
                {
                    existing++;
                    continue;
                }

                batch.Add(fields.NormalizedEmail);
                if (batch.Count == BatchSize)
                {
                    existing += await CheckBatchAsync(db, batch, anyErased, erased, cancellationToken);
                    batch.Clear();
                }
            }

            existing += await CheckBatchAsync(db, batch, anyErased, erased, cancellationToken);
            var valid = records - errors.Count;
            var rows = firstRows.Select(r => r with { Erased = erased.Contains(r.Fields.NormalizedEmail) }).ToList();
            return OperationResult<ImportPreview>.Ok(new ImportPreview(records, valid - existing - erased.Count, existing, erased.Count, rows, errors, csv.HasTags));
        }
    }

    public async Task<OperationResult<ImportReport>> ImportAsync(
        Stream file, ExistingNonprofits existing, ClaimsPrincipal actingUser, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var (csv, problem) = await NonprofitCsv.OpenAsync(file, cancellationToken);
        if (csv is null)
        {
            return OperationResult<ImportReport>.From(OperationResult.Invalid("file", problem!));
        }

        await using (csv)
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            erasedEmails.EnsureKey();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var run = new ImportRun(db, bulkWriter, erasedEmails, existing, csv.HasTags, time.GetUtcNow());
            var records = 0L;
            await foreach (var record in csv.RecordsAsync(cancellationToken))
            {
                records++;
                if (record.Fields is { } fields)
                {
                    run.Add(fields, record.Line);
                }
                else
                {
                    run.Errors.Add(new ImportError(record.Line, record.Problem!));
                }

                if (run.Pending == BatchSize)
                {
                    await run.FlushAsync(cancellationToken);
                    progress?.Report(new ImportProgress(records, csv.BytesRead));
                }
            }

            await run.FlushAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            progress?.Report(new ImportProgress(records, csv.BytesRead));

            var report = new ImportReport(run.Imported, run.Updated, run.Skipped, run.Errors.OrderBy(e => e.Line).ToList());
            await auditLog.RecordAsync(
                Actor.From(actingUser),
                NonprofitAuditActions.Imported,
                $"{records} record(s)",
                $"imported {report.Imported}, updated {report.Updated}, skipped {report.Skipped}, errors {report.Errors.Count}",
                cancellationToken);
            return OperationResult<ImportReport>.Ok(report);
        }
    }

    /// <summary>
    /// How many of <paramref name="emails"/> are in the directory; those that are not but were erased
    /// on request go to <paramref name="erased"/>, as the import refuses them.
    /// </summary>
    private async Task<int> CheckBatchAsync(
        AppDbContext db, List<string> emails, bool anyErased, HashSet<string> erased, CancellationToken cancellationToken)
    {
        if (emails.Count == 0)
        {
            return 0;
        }

        var known = await db.Nonprofits.Where(n => emails.Contains(n.NormalizedEmail)).Select(n => n.NormalizedEmail).ToHashSetAsync(cancellationToken);
        if (anyErased)
        {
            erased.UnionWith((await erasedEmails.ErasedAmongAsync(db, emails.Where(e => !known.Contains(e)).ToList(), cancellationToken)).Keys);
        }

        return known.Count;
    }

    /// <summary>The state of one import: the batch being gathered and the counts so far.</summary>
    private sealed class ImportRun(AppDbContext db, INonprofitBulkWriter bulkWriter, ErasedEmails erasedEmails, ExistingNonprofits existing, bool fileHasTags, DateTimeOffset now)
    {
        // The last fields per email in the current batch; a repeat inside the batch replaces the earlier row.
        private readonly Dictionary<string, NonprofitFields> _batch = new(StringComparer.Ordinal);

        // The line each email of the batch first appeared on: an erased address is reported there.
        private readonly Dictionary<string, long> _lines = new(StringComparer.Ordinal);

        public List<ImportError> Errors { get; } = [];

        public int Imported { get; private set; }

        public int Updated { get; private set; }

        public int Skipped { get; private set; }

        public int Pending => _batch.Count;

        public void Add(NonprofitFields fields, long line)
        {
            var email = fields.NormalizedEmail;
            if (_batch.ContainsKey(email))
            {
                // Repeats an earlier row of this batch: counts as existing.
                if (existing == ExistingNonprofits.Update)
                {
                    _batch[email] = fields;
                    Updated++;
                }
                else
                {
                    Skipped++;
                }

                return;
            }

            _batch[email] = fields;
            _lines[email] = line;
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_batch.Count == 0)
            {
                return;
            }

            // A row repeating one of an earlier batch finds that row in the database (same transaction): it counts as existing.
            var emails = _batch.Keys.ToList();
            var found = existing == ExistingNonprofits.Update
                ? await db.Nonprofits.Include(n => n.Tags).Where(n => emails.Contains(n.NormalizedEmail)).ToDictionaryAsync(n => n.NormalizedEmail, cancellationToken)
                : [];
            var known = existing == ExistingNonprofits.Skip
                ? await db.Nonprofits.Where(n => emails.Contains(n.NormalizedEmail)).Select(n => n.NormalizedEmail).ToHashSetAsync(cancellationToken)
                : [];

            var erased = await erasedEmails.ErasedAmongAsync(db, emails.Where(e => !found.ContainsKey(e) && !known.Contains(e)).ToList(), cancellationToken);
            var added = new List<Nonprofit>();
            foreach (var (email, fields) in _batch)
            {
                if (erased.TryGetValue(email, out var erasedAt))
                {
                    Errors.Add(new ImportError(_lines[email], ErasedEmails.ErasedMessage(erasedAt)));
                }
                else if (found.TryGetValue(email, out var current))
                {
                    current.Apply(fields, replaceTags: fileHasTags, now);
                    Updated++;
                }
                else if (known.Contains(email))
                {
                    Skipped++;
                }
                else
                {
                    var nonprofit = new Nonprofit { CreatedAt = now };
                    nonprofit.Apply(fields, replaceTags: true, now);
                    added.Add(nonprofit);
                    Imported++;
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            await bulkWriter.InsertAsync(db, added, cancellationToken);
            db.ChangeTracker.Clear();
            _batch.Clear();
            _lines.Clear();
        }
    }
}
