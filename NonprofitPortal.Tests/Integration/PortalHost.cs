using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Accounts.Api;
using NonprofitPortal.Tests.Infrastructure;
using Quartz;

namespace NonprofitPortal.Tests.Integration;

/// <summary>
/// The real application host on a real SQLite file (or another provider through
/// <see cref="Settings"/>), with mail written to its own pickup folder.
/// </summary>
public sealed class PortalHost : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@portal.test";
    public const string AdminPassword = "Admin-Test-Pass-1!";

    private readonly DirectoryInfo _directory = RealServer.CreateTraversableTempDirectory("nonprofitportal-host-");
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _testServices;

    /// <param name="testServices">Replaces services after the app registered its own: only for seams to the outside world (e.g. Amazon SNS).</param>
    public PortalHost(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development", bool useKestrel = false, Action<IServiceCollection>? testServices = null)
    {
        _environment = environment;
        _testServices = testServices;
        Settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(_directory.FullName, "portal.db")}",
            ["Mail:Transport"] = "Pickup",
            ["Mail:PickupDirectory"] = PickupDirectory,
            ["Mail:From"] = "Portal Tests <portal@portal.test>",
            ["Seed:AdminEmail"] = AdminEmail,
            ["Seed:AdminPassword"] = AdminPassword,
            ["RateLimits:SignInPerMinute"] = "1000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            Settings[key] = value;
        }

        if (useKestrel)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
    }

    public Dictionary<string, string?> Settings { get; }

    public string PickupDirectory => Path.Combine(_directory.FullName, "mail");

    public string DatabasePath => Path.Combine(_directory.FullName, "portal.db");

    /// <summary>The address of the real Kestrel server; only when created with <c>useKestrel</c>.</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new Uri(addresses.First());
        }
    }

    public async Task<HttpClient> ClientWithTokenAsync(string email, string password)
    {
        var client = CreateClient();
        await SignInAsync(client, email, password);
        return client;
    }

    public async Task<string> TokenAsync(string email, string password)
    {
        using var client = CreateClient();
        return await SignInAsync(client, email, password);
    }

    /// <summary>Gets a bearer token for <paramref name="email"/> and makes <paramref name="client"/> send it; any app, any client.</summary>
    public static async Task<string> SignInAsync(HttpClient client, string email, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest(email, password), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>(TestContext.Current.CancellationToken))!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return token;
    }

    public Task<HttpClient> AdminClientAsync() => ClientWithTokenAsync(AdminEmail, AdminPassword);

    public async Task<UserResponse> CreateUserAsync(string email, string password, params string[] roles)
    {
        using var admin = await AdminClientAsync();
        var response = await admin.PostAsJsonAsync("/api/users", new CreateUserRequest(email, password, null, roles), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<UserResponse>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>
    /// Pauses the once-per-cluster jobs (for every node on this database), so that a test calling
    /// their services itself does not race the host's own timers.
    /// </summary>
    public async Task PauseClusterJobsAsync()
    {
        var scheduler = await Services.GetRequiredKeyedService<ISchedulerFactory>(ClusterScheduler.Name).GetScheduler(TestContext.Current.CancellationToken);
        await scheduler.PauseAll(TestContext.Current.CancellationToken);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (_testServices is not null)
        {
            builder.ConfigureTestServices(_testServices);
        }
    }

    /// <summary>
    /// The schedulers start once the app has started, a moment after the host: tests begin when
    /// the node is ready, as a load balancer waits for <c>/health/ready</c>.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        var schedulers = new[] { host.Services.GetRequiredService<ISchedulerFactory>(), host.Services.GetRequiredKeyedService<ISchedulerFactory>(ClusterScheduler.Name) }
            .Select(factory => factory.GetScheduler().AsTask().GetAwaiter().GetResult())
            .ToList();
        SpinWait.SpinUntil(() => schedulers.All(scheduler => scheduler.GetStatus().AsTask().GetAwaiter().GetResult() == SchedulerStatus.Running), TimeSpan.FromSeconds(30));
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _directory.Delete(recursive: true);
        }
    }
}
