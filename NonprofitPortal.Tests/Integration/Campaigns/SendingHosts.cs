using System.Globalization;
using NonprofitPortal.Tests.Infrastructure;

namespace NonprofitPortal.Tests.Integration.Campaigns;

/// <summary>Real hosts that send through a real smtp-sink, on SQLite or on the run's PostgreSQL cluster.</summary>
public sealed class SendingHosts(PostgresServer postgres, bool onPostgres)
{
    public const string PublicUrl = "http://portal.test/";

    /// <summary>A database for hosts that should share one (several nodes); null for SQLite, whose file each host makes itself.</summary>
    public async Task<string?> NewDatabaseAsync()
    {
        if (!onPostgres)
        {
            return null;
        }

        RealServer.Require(postgres.IsAvailable, $"PostgreSQL is needed: {postgres.UnavailableReason}");
        return await postgres.CreateDatabaseAsync("campaigns", TestContext.Current.CancellationToken);
    }

    public async Task<PortalHost> StartAsync(SmtpSink sink, IReadOnlyDictionary<string, string?>? settings = null, string? database = null)
    {
        var all = new Dictionary<string, string?>(Settings(sink));
        if (onPostgres)
        {
            all["Database:Provider"] = "PostgreSQL";
            all["ConnectionStrings:Default"] = database ?? await NewDatabaseAsync();
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = new PortalHost(all);
        host.StartServer();
        return host;
    }

    /// <summary>Fast retries and short breaks, so that tests see recoveries in seconds.</summary>
    public static Dictionary<string, string?> Settings(SmtpSink sink) => new()
    {
        ["Mail:Transport"] = "Smtp",
        ["Mail:Smtp:Host"] = sink.Host,
        ["Mail:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
        ["App:PublicUrl"] = PublicUrl,
        ["Sending:PollSeconds"] = "0.2",
        ["Sending:RetryDelaySeconds"] = "0.2",
        ["Sending:MaxRetryDelaySeconds"] = "1",
        ["Sending:BreakSeconds"] = "1",
        ["Sending:SmtpTimeoutSeconds"] = "5",
        ["Sending:BatchSize"] = "50",
    };

    /// <summary>Settings for the app as its own process (<see cref="PortalProcess"/>) on <paramref name="provider"/>, sending into <paramref name="sink"/>.</summary>
    public static Dictionary<string, string> ProcessSettings(SmtpSink sink, string provider, string connectionString) => new()
    {
        ["Database:Provider"] = provider,
        ["ConnectionStrings:Default"] = connectionString,
        ["Mail:Transport"] = "Smtp",
        ["Mail:Smtp:Host"] = sink.Host,
        ["Mail:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
        ["Mail:From"] = "Portal Tests <portal@portal.test>",
        ["Seed:AdminEmail"] = PortalHost.AdminEmail,
        ["Seed:AdminPassword"] = PortalHost.AdminPassword,
        ["App:PublicUrl"] = PublicUrl,
        ["RateLimits:SignInPerMinute"] = "1000",
    };

    public static async Task<SmtpSink> StartSinkAsync(SmtpSinkOptions? options = null)
    {
        RealServer.Require(SmtpSink.IsAvailable, $"Postfix's smtp-sink is needed: {SmtpSink.UnavailableReason}");
        return await SmtpSink.StartAsync(options, TestContext.Current.CancellationToken);
    }
}
