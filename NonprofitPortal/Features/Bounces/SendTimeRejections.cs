using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Sending.Queue;

namespace NonprofitPortal.Features.Bounces;

/// <summary>
/// A 5xx at send time is a hard bounce too: each refused message is recorded as one (source
/// <c>smtp</c>, the server's reply as the detail) once the drain has recorded its failure.
/// </summary>
public sealed partial class SendTimeRejections(IDbContextFactory<AppDbContext> contextFactory, FeedbackRecorder recorder, ILogger<SendTimeRejections> logger) : IRejectedSends
{
    public async Task RejectedAsync(IReadOnlyList<SendOutcome> rejected, CancellationToken cancellationToken)
    {
        try
        {
            var ids = rejected.Select(o => o.SendId).ToList();
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var sends = await db.EmailSends
                .Where(s => ids.Contains(s.Id))
                .Select(s => new MatchedSend(s.Id, s.CampaignId, s.NonprofitId, s.Email))
                .ToDictionaryAsync(s => s.SendId, cancellationToken);
            foreach (var outcome in rejected)
            {
                if (sends.TryGetValue(outcome.SendId, out var send) && outcome.Error is { } reply)
                {
                    await recorder.RecordRejectionAsync(send, reply, cancellationToken);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The failures are recorded already; only the suppression they would cause is lost.
            LogNotRecorded(exception, rejected.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} messages refused at send time could not be recorded as hard bounces")]
    private partial void LogNotRecorded(Exception exception, int count);
}
