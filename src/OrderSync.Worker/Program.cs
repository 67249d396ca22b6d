using Microsoft.Extensions.Hosting;
using OrderSync.Worker.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddOrderSyncLogging();
builder.AddOrderSync();

using var host = builder.Build();
return await host.RunWorkerAsync();
