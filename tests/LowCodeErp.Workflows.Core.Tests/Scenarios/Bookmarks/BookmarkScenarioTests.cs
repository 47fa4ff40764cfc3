using FluentAssertions;
using LowCodeErp.Workflows.Core.Activities.Events;
using LowCodeErp.Workflows.Core.Activities.Scheduling;
using LowCodeErp.Workflows.Core.Execution;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Core.Tests.Scenarios.Bookmarks;

/// <summary>Blocking activities (Delay, Timer, Event, RunTask), PublishEvent, and resuming a bookmark exactly once.</summary>
public sealed class BookmarkScenarioTests
{
    private const string Area = "Bookmarks";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    private static WorkflowTestHost HostWithFixedClock() => new(services: s => s.AddSingleton<TimeProvider>(new FixedClock(Now)));

    [Fact]
    public async Task Delay_should_suspend_with_an_Elsa_Delay_bookmark_due_after_the_timespan_and_complete_when_resumed()
    {
        using var host = HostWithFixedClock();

        var workflow = await Scenario.RunAsync(host, Area, "delay.json");

        workflow.SubStatus.Should().Be(WorkflowSubStatus.Suspended, "{0}", Scenario.Describe(workflow, host));
        var bookmark = workflow.Bookmarks.Should().ContainSingle().Subject;
        bookmark.Name.Should().Be("Elsa.Delay");
        bookmark.ActivityId.Should().Be("delay");
        bookmark.Payload.Should().BeOfType<ResumeAtPayload>().Which.ResumeAt.Should().Be(Now.AddMinutes(5));
        host.Lines.Should().BeEmpty();

        await Scenario.ResumeAsync(host, workflow, bookmark);

        host.Lines.Should().Equal(["woke up"], "{0}", Scenario.Describe(workflow, host));
        workflow.Bookmarks.Should().BeEmpty();
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Timer_should_suspend_with_an_Elsa_Timer_bookmark_due_after_the_interval_and_complete_when_resumed()
    {
        using var host = HostWithFixedClock();

        var workflow = await Scenario.RunAsync(host, Area, "timer.json");

        var bookmark = workflow.Bookmarks.Should().ContainSingle().Subject;
        bookmark.Name.Should().Be("Elsa.Timer");
        bookmark.Payload.Should().BeOfType<ResumeAtPayload>().Which.ResumeAt.Should().Be(Now.AddSeconds(30));
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Suspended);

        await Scenario.ResumeAsync(host, workflow, bookmark);

        host.Lines.Should().Equal(["tick"], "{0}", Scenario.Describe(workflow, host));
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Event_should_wait_on_an_Elsa_Event_bookmark_and_bind_the_resume_payload_to_its_result()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "event.json");

        var bookmark = workflow.Bookmarks.Should().ContainSingle().Subject;
        bookmark.Name.Should().Be("Elsa.Event");
        bookmark.Payload.Should().Be(new EventPayload("OrderPaid"));
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Suspended);

        await Scenario.ResumeAsync(host, workflow, bookmark, ("Payload", "payment-123"));

        host.Lines.Should().Equal(["payment-123"], "{0}", Scenario.Describe(workflow, host));
        workflow.Variables["Payment"].Should().Be("payment-123");
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Event_should_complete_at_once_with_the_payload_when_it_is_the_trigger_that_started_the_workflow()
    {
        // A trigger that started the instance becomes the flowchart start and completes immediately (research §3.4, §2.5).
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "event-trigger.json", new RunOptions
        {
            TriggerActivityId = "ev-trigger",
            Input = new Dictionary<string, object?> { ["Payload"] = "order-7" },
        });

        host.Lines.Should().Equal(["order-7"], "{0}", Scenario.Describe(workflow, host));
        workflow.Bookmarks.Should().BeEmpty();
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task PublishEvent_should_resume_the_event_in_the_other_branch_when_published_as_a_local_event()
    {
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "publish-local-event.json");

        host.Lines.Should().Equal(["publishing", "hello from the other branch"], "{0}", Scenario.Describe(workflow, host));
        workflow.Variables["Message"].Should().Be("hello from the other branch");
        workflow.Bookmarks.Should().BeEmpty();
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task PublishEvent_should_resume_every_event_waiting_on_that_name_and_leave_other_events_waiting()
    {
        // Event bookmarks hash only the name and {EventName} payload, without the activity instance id (research §2.5, §3.3).
        using var host = new WorkflowTestHost();

        var workflow = await Scenario.RunAsync(host, Area, "publish-local-two-listeners.json");

        host.Lines.Should().Equal(["first listener", "second listener"], "{0}", Scenario.Describe(workflow, host));
        workflow.Bookmarks.Should().ContainSingle().Which.ActivityId.Should().Be("ev-other");
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
    }

    [Fact]
    public async Task RunTask_should_request_the_task_wait_on_its_bookmark_and_bind_the_RunTaskInput_when_resumed()
    {
        var sink = new CapturingTaskSink();
        using var host = new WorkflowTestHost(services: s => s.AddSingleton<ITaskRequestSink>(sink));

        var workflow = await Scenario.RunAsync(host, Area, "run-task.json");

        var bookmark = workflow.Bookmarks.Should().ContainSingle().Subject;
        bookmark.Name.Should().Be("Elsa.RunTask");
        var taskId = workflow.Variables["TaskId"].Should().BeOfType<string>().Subject;
        bookmark.Payload.Should().Be(new RunTaskPayload(taskId), "the bookmark is keyed by the task id that the taskId output exposes");
        var request = sink.Requests.Should().ContainSingle().Subject;
        request.TaskName.Should().Be("Approve invoice");
        request.TaskId.Should().Be(taskId);
        request.WorkflowInstanceId.Should().Be(workflow.InstanceId);
        System.Text.Json.JsonSerializer.Serialize(request.Payload).Should().Be("{\"invoice\":42}");

        await Scenario.ResumeAsync(host, workflow, bookmark, ("RunTaskInput", "approved"));

        host.Lines.Should().Equal(["approved"], "{0}", Scenario.Describe(workflow, host));
        workflow.Variables["Decision"].Should().Be("approved");
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Resume_should_run_the_waiting_activity_once_and_reject_the_same_bookmark_the_second_time()
    {
        using var host = new WorkflowTestHost();
        var workflow = await Scenario.RunAsync(host, Area, "resume-once.json");
        var bookmark = workflow.Bookmarks.Should().ContainSingle().Subject;

        await Scenario.ResumeAsync(host, workflow, bookmark);
        var second = () => Scenario.ResumeAsync(host, workflow, bookmark);

        await second.Should().ThrowAsync<BookmarkNotFoundException>();
        host.Lines.Should().Equal(["after event"], "{0}", Scenario.Describe(workflow, host));
        Scenario.CompletedCount(workflow, "ev-go").Should().Be(1);
        workflow.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Resume_should_reject_a_delay_bookmark_that_was_already_resumed()
    {
        using var host = HostWithFixedClock();
        var workflow = await Scenario.RunAsync(host, Area, "delay.json");
        var bookmark = workflow.Bookmarks.Single();

        await Scenario.ResumeAsync(host, workflow, bookmark);
        var second = () => Scenario.ResumeAsync(host, workflow, bookmark);

        await second.Should().ThrowAsync<BookmarkNotFoundException>();
        host.Lines.Should().Equal(["woke up"]);
    }

    private sealed class CapturingTaskSink : ITaskRequestSink
    {
        public List<TaskRequest> Requests { get; } = [];

        public ValueTask RequestAsync(TaskRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return ValueTask.CompletedTask;
        }
    }
}
