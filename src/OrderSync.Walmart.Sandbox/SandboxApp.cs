using OrderSync.Walmart.Sandbox.Admin;
using OrderSync.Walmart.Sandbox.Gateway;
using OrderSync.Walmart.Sandbox.Orders;
using OrderSync.Walmart.Sandbox.Seeding;

namespace OrderSync.Walmart.Sandbox;

/// <summary>
/// A stand-in for Walmart Marketplace's token and Orders API, with test controls under /admin.
/// Built here rather than in Program so that tests can start it in-process.
/// </summary>
public static class SandboxApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddOptions<SandboxOptions>().Bind(builder.Configuration.GetSection(SandboxOptions.SectionName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SandboxTokenIssuer>();
        builder.Services.AddSingleton<SandboxThrottle>();
        builder.Services.AddSingleton<SandboxFaults>();
        builder.Services.AddSingleton<SandboxCallLog>();
        builder.Services.AddSingleton<SandboxOrderBook>();
        builder.Services.AddSingleton<SeedOrderConverter>();
        builder.Services.AddSingleton<SandboxSeeder>();

        var app = builder.Build();
        app.UseMiddleware<AdminAccessMiddleware>();
        app.UseMiddleware<CallRecordingMiddleware>();
        app.MapWalmartApi();
        app.MapAdmin();

        app.Services.GetRequiredService<SandboxSeeder>().LoadSeedFile();
        return app;
    }
}
