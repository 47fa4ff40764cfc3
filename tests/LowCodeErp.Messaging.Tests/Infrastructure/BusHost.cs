using System.Collections.Concurrent;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LowCodeErp.Messaging.Tests.Infrastructure;

/// <summary>A service process in miniature: ShopContext with outbox and inbox, the bus, the relay, some consumers.</summary>
internal sealed class BusHost : IAsyncDisposable
{
    private readonly IHost _host;

    private BusHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <summary>Message ids in the order the bus confirmed their publishes.</summary>
    public ConcurrentQueue<Guid> Published { get; } = new();

    /// <summary>Message ids of every completed consume (duplicates included).</summary>
    public ConcurrentQueue<Guid> Consumed { get; } = new();

    public static async Task<BusHost> StartAsync(
        Action<DbContextOptionsBuilder> database,
        Action<IBusRegistrationConfigurator>? consumers = null,
        IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "InMemory",
            ["Messaging:Outbox:PollInterval"] = "00:00:00.200",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddShopContext(database);
        builder.Services.AddErpMessaging(builder.Configuration, consumers);
        builder.Services.AddErpOutbox<ShopContext>();
        builder.Services.AddErpInbox<ShopContext>();
        var host = new BusHost(builder.Build());
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ShopContext>().Database.EnsureCreatedAsync();
        }

        var bus = host.Services.GetRequiredService<IBus>();
        bus.ConnectPublishObserver(new Observer(host));
        bus.ConnectConsumeObserver(new Observer(host));
        await host._host.StartAsync();
        return host;
    }

    /// <summary>Runs <paramref name="work"/> on a fresh scope's DbContext (one unit of work, like one request).</summary>
    public async Task<T> WithDbAsync<T>(Func<ShopContext, IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ShopContext>(), scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }

    private sealed class Observer(BusHost host) : IPublishObserver, IConsumeObserver
    {
        public Task PrePublish<T>(PublishContext<T> context)
            where T : class => Task.CompletedTask;

        public Task PostPublish<T>(PublishContext<T> context)
            where T : class
        {
            host.Published.Enqueue(context.MessageId!.Value);
            return Task.CompletedTask;
        }

        public Task PublishFault<T>(PublishContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;

        public Task PreConsume<T>(ConsumeContext<T> context)
            where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context)
            where T : class
        {
            host.Consumed.Enqueue(context.MessageId!.Value);
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;
    }
}
