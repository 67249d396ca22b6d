using OrderSync.Ingress.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddOrderSyncIngress();

using var app = builder.Build();
return await app.RunIngressAsync();
