using System.Diagnostics;
using System.Diagnostics.Metrics;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Sending.Queue;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// The sending pipeline's instruments (meter <see cref="MeterName"/>), served at <c>/metrics</c>.
/// Labels never name a campaign: a deployment has few servers but ever more campaigns.
/// </summary>
public sealed class SendingMetrics
{
    public const string MeterName = "NonprofitPortal.Sending";

    // From a fast local relay (a few milliseconds) to a slow remote one near the command timeout.
    private static readonly double[] SendSecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _skipped;
    private readonly Histogram<double> _sendDuration;

    public SendingMetrics(IMeterFactory meterFactory, SendingBacklog backlog)
    {
        var meter = meterFactory.Create(MeterName);
        _sent = meter.CreateCounter<long>("nonprofitportal.sending.messages.sent", "{message}", "Messages a mail server accepted, as recorded by this node.");
        _failed = meter.CreateCounter<long>("nonprofitportal.sending.messages.failed", "{message}", "Messages failed for good (5xx reply, template error, attempts used up).");
        _retried = meter.CreateCounter<long>("nonprofitportal.sending.messages.retried", "{message}", "Attempts that met a temporary error; the message went back to the queue.");
        _skipped = meter.CreateCounter<long>("nonprofitportal.sending.messages.skipped", "{message}", "Messages not sent because the nonprofit opted out or was deleted.");
        _sendDuration = meter.CreateHistogram(
            "nonprofitportal.sending.send.duration", "s", "Time one message took on the wire, from handing it to a server to its reply.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SendSecondsBuckets });
        meter.CreateObservableGauge("nonprofitportal.sending.queue.depth", () => backlog.Last.Pending, "{message}", "Messages waiting to be sent (pending sends, due or not), every node together.");
        meter.CreateObservableGauge("nonprofitportal.campaigns", ObserveCampaigns, "{campaign}", "Campaigns by status, every node together.");

        IEnumerable<Measurement<long>> ObserveCampaigns() =>
            backlog.Last.Campaigns.Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>("status", c.Key.ToString().ToLowerInvariant())));
    }

    /// <summary>Counts outcomes once they are written to the database.</summary>
    public void Recorded(IEnumerable<SendOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            var counter = outcome.Status switch
            {
                SendStatus.Sent => _sent,
                SendStatus.Failed => _failed,
                SendStatus.Skipped => _skipped,
                // A row handed back unsent (shutdown) has no error: it was not tried.
                SendStatus.Pending when outcome.Error is not null => _retried,
                _ => null,
            };
            counter?.Add(1, ServerTag(outcome.ServerName));
        }
    }

    /// <summary>One message on the wire to <paramref name="server"/>, whatever the reply.</summary>
    public void Sent(string server, TimeSpan duration) => _sendDuration.Record(duration.TotalSeconds, ServerTag(server));

    private static TagList ServerTag(string? server)
    {
        var tags = new TagList();
        if (server is not null)
        {
            tags.Add("server", server);
        }

        return tags;
    }
}
