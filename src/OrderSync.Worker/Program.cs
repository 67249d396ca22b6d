using OrderSync.Worker.Hosting;
using OrderSync.Worker.Observability;

var builder = WebApplication.CreateBuilder(args);
builder.AddOrderSyncLogging().AddOrderSync();
builder.AddOrderSyncObservability();

using var app = builder.Build();
return await app.RunWorkerAsync(worker => worker.MapOrderSyncObservability());
