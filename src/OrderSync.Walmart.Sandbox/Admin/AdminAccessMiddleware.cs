using Microsoft.Extensions.Options;

namespace OrderSync.Walmart.Sandbox.Admin;

/// <summary>Applies <see cref="AdminAccess"/> to every endpoint of the admin API, before its request is read.</summary>
public sealed class AdminAccessMiddleware(RequestDelegate next, IOptions<SandboxOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<AdminEndpointMarker>() is null)
        {
            return next(context);
        }

        switch (AdminAccess.Decide(context.Connection.RemoteIpAddress, context.Request.Headers.Authorization, options.Value.AdminToken))
        {
            case AdminAccessDecision.Allowed:
                return next(context);
            case AdminAccessDecision.Unauthorized:
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return Task.CompletedTask;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
        }
    }
}
