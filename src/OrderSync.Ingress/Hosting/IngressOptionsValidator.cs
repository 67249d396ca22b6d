using System.Net;
using Microsoft.Extensions.Options;

namespace OrderSync.Ingress.Hosting;

/// <summary>One line per bad key, named as an operator sets it in the environment (<c>Ingress__ClientId</c>).</summary>
public sealed class IngressOptionsValidator : IValidateOptions<IngressOptions>
{
    private const string Section = IngressOptions.Section;

    public ValidateOptionsResult Validate(string? name, IngressOptions options)
    {
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{Section}__ClientId is missing (the client id of the Adobe Developer Console project, sent by Adobe as recipient_client_id)");
        }

        if (ListenUrls.Fault($"{Section}__Urls", options.Urls) is { } urlsFault)
        {
            failures.Add(urlsFault);
        }

        if (!options.PublicKeyBaseUrl.IsAbsoluteUri || options.PublicKeyBaseUrl.Scheme is not ("https" or "http"))
        {
            failures.Add($"{Section}__PublicKeyBaseUrl must be an absolute https URL, such as {IngressOptions.AdobeKeyDomain}");
        }
        else if (options.PublicKeyBaseUrl.Scheme == Uri.UriSchemeHttp && !IsLoopback(options.PublicKeyBaseUrl))
        {
            failures.Add($"{Section}__PublicKeyBaseUrl must be https: keys are fetched over plain http from a loopback address only (127.0.0.1, localhost, [::1])");
        }
        else if (!string.IsNullOrEmpty(options.PublicKeyBaseUrl.Query) || !string.IsNullOrEmpty(options.PublicKeyBaseUrl.Fragment))
        {
            failures.Add($"{Section}__PublicKeyBaseUrl must not have a query or a fragment: key paths are appended to it");
        }

        if (options.MaxBodyBytes <= 0)
        {
            failures.Add($"{Section}__MaxBodyBytes must be positive (such as 1048576, contract 1.4)");
        }

        if (options.PermitsPerMinute <= 0)
        {
            failures.Add($"{Section}__PermitsPerMinute must be positive (deliveries per minute from one client address)");
        }

        if (options.PublishTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}__PublishTimeout must be positive (such as 00:00:10)");
        }

        if (options.PublicKeyCacheDuration <= TimeSpan.Zero)
        {
            failures.Add($"{Section}__PublicKeyCacheDuration must be positive (such as 1.00:00:00)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The contract's loopback names: where the test key servers run.</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
