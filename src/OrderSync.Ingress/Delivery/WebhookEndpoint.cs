using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OrderSync.Ingress.Hosting;
using OrderSync.Ingress.Observability;
using OrderSync.Ingress.Publishing;
using OrderSync.Ingress.Signatures;

namespace OrderSync.Ingress.Delivery;

/// <summary>
/// <c>/adobe-io/events</c>: Adobe's registration challenge, and deliveries checked in the order that reads least of what a
/// stranger sends: size, then the signature on the raw bytes, then the JSON and its recipient, then the broker's confirms.
/// </summary>
public static partial class WebhookEndpoint
{
    public const string Path = "/adobe-io/events";

    private const int MaxChallengeLength = 256;

    public static IResult Challenge(HttpContext context, string? challenge)
    {
        if (string.IsNullOrEmpty(challenge) || challenge.Length > MaxChallengeLength)
        {
            return Results.BadRequest(new { error = $"Give a challenge query parameter of 1 to {MaxChallengeLength} characters." });
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Text(challenge, "text/plain");
    }

    public static async Task<IResult> Deliver(
        HttpContext context,
        AdobeSignatures signatures,
        CommerceEventPublisher publisher,
        IngressMetrics metrics,
        IOptions<IngressOptions> options,
        ILogger<DeliveryLog> logger)
    {
        var limit = options.Value.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return Refuse(metrics, logger, "too-large", StatusCodes.Status413PayloadTooLarge, $"The body is larger than {limit} bytes (contract 1.4).", eventId: null);
        }

        // A body without a length (chunked) is cut off by Kestrel at the same limit while it is read.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = limit;
        }

        ReadOnlyMemory<byte> body;
        try
        {
            body = await ReadBody(context.Request, limit, context.RequestAborted);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refuse(metrics, logger, "too-large", StatusCodes.Status413PayloadTooLarge, $"The body is larger than {limit} bytes (contract 1.4).", eventId: null);
        }
        catch (InvalidDataException)
        {
            return Refuse(metrics, logger, "too-large", StatusCodes.Status413PayloadTooLarge, $"The body is larger than {limit} bytes (contract 1.4).", eventId: null);
        }

        SignatureVerdict verdict;
        try
        {
            verdict = await signatures.Verify(context.Request.Headers, body, context.RequestAborted);
        }
        catch (KeyDomainUnavailableException exception)
        {
            LogKeyDomainUnavailable(logger, exception.Message);
            metrics.Delivery("key-domain-unavailable");
            return Problem(StatusCodes.Status503ServiceUnavailable, "The public key could not be fetched; try again later.");
        }

        switch (verdict)
        {
            case SignatureVerdict.NoSignature:
                return Refuse(metrics, logger, "unsigned", StatusCodes.Status401Unauthorized, "The delivery carries no x-adobe-digital-signature-1 or -2 with its key path.", eventId: null);
            case SignatureVerdict.KeyPathRefused:
                return Refuse(metrics, logger, "key-path-refused", StatusCodes.Status400BadRequest, "A public key path is not a plain relative path to a .pem file.", eventId: null);
            case SignatureVerdict.NotAuthentic:
                return Refuse(metrics, logger, "not-authentic", StatusCodes.Status401Unauthorized, "No digital signature verifies the body with its public key.", eventId: null);
        }

        IReadOnlyList<CommerceCloudEvent> events;
        try
        {
            events = AdobeDelivery.Read(body, options.Value.ClientId!);
        }
        catch (WrongRecipientException exception)
        {
            return Refuse(metrics, logger, "wrong-recipient", StatusCodes.Status403Forbidden, exception.Message, exception.EventId);
        }
        catch (MalformedDeliveryException exception)
        {
            return Refuse(metrics, logger, "malformed", StatusCodes.Status400BadRequest, exception.Message, exception.EventId);
        }

        try
        {
            await publisher.Publish(events, context.RequestAborted);
        }
        catch (BrokerUnavailableException exception)
        {
            LogNotForwarded(logger, events.Count, LogText.Shown(events[0].Id), exception.Message, exception.InnerException?.Message);
            metrics.Delivery("broker-unavailable");
            return Problem(StatusCodes.Status503ServiceUnavailable, "The events could not be queued; Adobe will deliver them again.");
        }

        foreach (var cloudEvent in events)
        {
            metrics.Published(cloudEvent.Type);
            LogForwarded(logger, LogText.Shown(cloudEvent.Id), LogText.Shown(cloudEvent.Type));
        }

        metrics.Delivery("forwarded");
        return Results.Ok(new { forwarded = events.Count });
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBody(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 16 * 1024);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new InvalidDataException("The body is over the limit.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static IResult Refuse(IngressMetrics metrics, ILogger logger, string outcome, int status, string reason, string? eventId)
    {
        metrics.Delivery(outcome);
        LogRefused(logger, status, LogText.Shown(eventId), reason);
        return Problem(status, reason);
    }

    private static IResult Problem(int status, string reason) => Results.Json(new { error = reason }, statusCode: status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a delivery with {Status}, event {EventId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string eventId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forwarded CloudEvent {EventId} of type {EventType} to commerce.order-events")]
    private static partial void LogForwarded(ILogger logger, string eventId, string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered 503 to a delivery of {Count} events from {EventId}: {Reason} ({Cause})")]
    private static partial void LogNotForwarded(ILogger logger, int count, string eventId, string reason, string? cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered 503 to a delivery: {Reason}")]
    private static partial void LogKeyDomainUnavailable(ILogger logger, string reason);
}

/// <summary>The category of the deliveries' log lines.</summary>
public sealed class DeliveryLog;
