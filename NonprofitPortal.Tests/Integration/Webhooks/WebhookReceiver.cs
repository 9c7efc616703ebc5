using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace NonprofitPortal.Tests.Integration.Webhooks;

/// <summary>A real HTTP server on a loopback port that records what is posted to it and answers 500 to the first <see cref="FailFirst"/> requests.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private int _requests;

    private WebhookReceiver(WebApplication app) => _app = app;

    public int FailFirst { get; set; }

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToList();

    public Uri Url => new(new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()), "/hooks/portal");

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/portal", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var status = Interlocked.Increment(ref receiver._requests) <= receiver.FailFirst ? 500 : 200;
            receiver._received.Enqueue(new ReceivedWebhook(
                request.Headers["X-NonprofitPortal-Signature"].ToString(), request.Headers.UserAgent.ToString(), body, status));
            return Results.Text(status == 500 ? "receiver down" : "thanks", statusCode: status);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record ReceivedWebhook(string Signature, string UserAgent, string Body, int AnsweredWith);
