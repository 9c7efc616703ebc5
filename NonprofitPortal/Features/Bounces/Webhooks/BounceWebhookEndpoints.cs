using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NonprofitPortal.Features.Bounces.Parsing;

namespace NonprofitPortal.Features.Bounces.Webhooks;

/// <summary>
/// Anonymous, outside /api: each provider's delivery webhook, verified with that provider's own
/// scheme. A provider without its key configured answers 404; a request that is not signed, or
/// not signed right, gets 401 and changes nothing.
/// </summary>
public static class BounceWebhookEndpoints
{
    private const long MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapBounceWebhooks(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/webhooks/bounces").WithTags("Bounce webhooks").AllowAnonymous().DisableAntiforgery();
        webhooks.MapPost("/ses", Ses).WithName("SesBounceWebhook")
            .WithSummary("Receive Amazon SES bounce and complaint notifications (SNS)").WithDescription("Verified by the SNS signature and `Bounces:Webhooks:Ses:TopicArns`; 404 when not configured.");
        webhooks.MapPost("/sendgrid", SendGrid).WithName("SendGridBounceWebhook")
            .WithSummary("Receive SendGrid bounce and spam-report events").WithDescription("Verified by SendGrid's ECDSA signature (`Bounces:Webhooks:SendGrid:PublicKey`); 404 when not configured.");
        webhooks.MapPost("/postmark", Postmark).WithName("PostmarkBounceWebhook")
            .WithSummary("Receive Postmark bounce and spam-complaint webhooks").WithDescription("Verified by basic authentication (`Bounces:Webhooks:Postmark:User`/`Password`); 404 when not configured.");
        webhooks.MapPost("/mailgun", Mailgun).WithName("MailgunBounceWebhook")
            .WithSummary("Receive Mailgun failure and complaint events").WithDescription("Verified by Mailgun's HMAC signature (`Bounces:Webhooks:Mailgun:SigningKey`); 404 when not configured.");
        return app;
    }

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> Ses(
        HttpContext http, SesWebhook ses, FeedbackRecorder recorder, CancellationToken cancellationToken)
    {
        if (!ses.IsConfigured)
        {
            return NotConfigured();
        }

        using var body = await ReadJsonAsync(http, cancellationToken);
        if (body is null)
        {
            return Unreadable();
        }

        var message = body.RootElement;
        if (!await ses.VerifyAsync(message, cancellationToken))
        {
            return NotSigned();
        }

        switch (message.GetProperty("Type").GetString())
        {
            case "SubscriptionConfirmation":
                return await ses.ConfirmAsync(message, cancellationToken) ? TypedResults.Ok(new WebhookResponse(0, 0)) : Unreadable();
            case "Notification":
                return TypedResults.Ok(await RecordAsync(recorder, SesWebhook.Reports(message), "ses", cancellationToken));
            default:
                return TypedResults.Ok(new WebhookResponse(0, 0));
        }
    }

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> SendGrid(
        HttpContext http, IOptions<BounceOptions> options, FeedbackRecorder recorder, CancellationToken cancellationToken)
    {
        if (options.Value.Webhooks.SendGrid.PublicKey is not { Length: > 0 } publicKey)
        {
            return NotConfigured();
        }

        var bytes = await ReadAsync(http, cancellationToken);
        var headers = http.Request.Headers;
        if (!SendGridWebhook.Verify(publicKey, headers[SendGridWebhook.TimestampHeader], headers[SendGridWebhook.SignatureHeader], bytes))
        {
            return NotSigned();
        }

        using var body = Parse(bytes);
        return body is null ? Unreadable() : TypedResults.Ok(await RecordAsync(recorder, SendGridWebhook.Reports(body.RootElement), "sendgrid", cancellationToken));
    }

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> Postmark(
        HttpContext http, IOptions<BounceOptions> options, FeedbackRecorder recorder, CancellationToken cancellationToken)
    {
        var postmark = options.Value.Webhooks.Postmark;
        if (postmark is not { User: { Length: > 0 } user, Password: { Length: > 0 } password })
        {
            return NotConfigured();
        }

        if (!PostmarkWebhook.Verify(user, password, http.Request.Headers.Authorization))
        {
            return NotSigned();
        }

        using var body = await ReadJsonAsync(http, cancellationToken);
        return body is null ? Unreadable() : TypedResults.Ok(await RecordAsync(recorder, PostmarkWebhook.Reports(body.RootElement), "postmark", cancellationToken));
    }

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> Mailgun(
        HttpContext http, IOptions<BounceOptions> options, ReplayGuard replays, TimeProvider time, FeedbackRecorder recorder, CancellationToken cancellationToken)
    {
        if (options.Value.Webhooks.Mailgun.SigningKey is not { Length: > 0 } signingKey)
        {
            return NotConfigured();
        }

        using var body = await ReadJsonAsync(http, cancellationToken);
        if (body is null || body.RootElement.ValueKind != JsonValueKind.Object)
        {
            return NotSigned();
        }

        if (MailgunWebhook.Verify(body.RootElement, signingKey, time.GetUtcNow()) is not { } token
            || !replays.TryAccept($"mailgun:{token}", 2 * MailgunWebhook.Tolerance))
        {
            return NotSigned();
        }

        return TypedResults.Ok(await RecordAsync(recorder, MailgunWebhook.Reports(body.RootElement), "mailgun", cancellationToken));
    }

    /// <summary>A verified provider vouches for the address it names, so the address alone may identify the message.</summary>
    private static async Task<WebhookResponse> RecordAsync(FeedbackRecorder recorder, IReadOnlyList<FeedbackReport> reports, string source, CancellationToken cancellationToken)
    {
        var recorded = 0;
        foreach (var report in reports)
        {
            if (await recorder.RecordAsync(report, source, byRecipient: true, cancellationToken) == RecordedFeedback.Recorded)
            {
                recorded++;
            }
        }

        return new WebhookResponse(recorded, reports.Count - recorded);
    }

    // Problem details rather than empty answers: the pages' status-code handler leaves a response with a body alone.
    private static ProblemHttpResult NotConfigured() =>
        TypedResults.Problem("This provider's webhook is not configured here.", statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    private static ProblemHttpResult NotSigned() =>
        TypedResults.Problem("The request is not signed with this provider's configured key.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized.");

    private static ProblemHttpResult Unreadable() =>
        TypedResults.Problem("The body is not the JSON this provider sends.", statusCode: StatusCodes.Status400BadRequest, title: "Bad request.");

    private static async Task<byte[]> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBodyBytes;
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static async Task<JsonDocument?> ReadJsonAsync(HttpContext http, CancellationToken cancellationToken) => Parse(await ReadAsync(http, cancellationToken));

    private static JsonDocument? Parse(byte[] bytes)
    {
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
