using Microsoft.Extensions.Options;
using OrderSync.Contracts.Configuration;

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

        if (RemoteEndpoints.HttpsProblem($"{Section}__PublicKeyBaseUrl", options.PublicKeyBaseUrl) is { } keyDomainProblem)
        {
            failures.Add($"{keyDomainProblem}, such as {IngressOptions.AdobeKeyDomain}");
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

}
