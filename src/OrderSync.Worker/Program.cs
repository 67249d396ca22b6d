using OrderSync.Worker.Hosting;
using OrderSync.Worker.Observability;

if (args is [MigrateCommand.Verb, ..])
{
    var settings = WebApplication.CreateBuilder(args[1..]);
    settings.Configuration.AddOrderSyncSecretFiles();
    return MigrateCommand.Run(settings.Configuration);
}

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddOrderSyncSecretFiles();
builder.AddOrderSyncLogging().AddOrderSync();
builder.AddOrderSyncObservability();

using var app = builder.Build();
return await app.RunWorkerAsync(worker => worker.MapOrderSyncObservability());
