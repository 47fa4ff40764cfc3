using LowCodeErp.Data;
using LowCodeErp.Data.Auditing;
using LowCodeErp.Data.SoftDelete;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Messaging.Tests.Infrastructure;

/// <summary>A service's DbContext as the building blocks expect it: own entities, then the conventions.</summary>
public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Note> Notes => Set<Note>();

    public DbSet<ReceivedEvent> ReceivedEvents => Set<ReceivedEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>(c =>
        {
            c.ToTable("customers");
            c.HasIndex(x => x.Email).IsUnique();
        });
        modelBuilder.Entity<Order>().ToTable("orders");
        modelBuilder.Entity<Note>().ToTable("notes");
        modelBuilder.Entity<ReceivedEvent>().ToTable("received_events");
        modelBuilder.ApplyErpDataConventions();
        modelBuilder.ApplyErpMessaging();
    }
}

/// <summary>Soft-deletable, client-generated key.</summary>
public sealed class Customer : ISoftDeletable
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Name { get; set; }

    public required string Email { get; set; }

    [NotAudited]
    public string? ApiSecret { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }
}

/// <summary>Soft-deletable, database-generated (identity) key.</summary>
public sealed class Order : ISoftDeletable
{
    public int Id { get; set; }

    public decimal Amount { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }
}

/// <summary>Not soft-deletable: a delete really removes it (and is audited).</summary>
public sealed class Note
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Text { get; set; }
}

/// <summary>What a consumer writes per message it handles (no unique key: duplicates would show).</summary>
[NotAudited]
public sealed class ReceivedEvent
{
    public long Id { get; set; }

    public Guid EventId { get; set; }

    public required string Consumer { get; set; }

    public int Sequence { get; set; }
}
