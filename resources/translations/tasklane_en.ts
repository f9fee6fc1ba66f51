<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>main</name>
    <message>
        <source>The pattern to open: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart rows: worker, core or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tab to show: output, python or summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window&apos;s language for this start: system, en (English) or ko (Korean).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasklane: concurrency patterns as Gantt charts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Chrome/Perfetto JSON trace to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--language must be one of system|en|ko, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give at most one trace file, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--group-by must be one of worker|core|both, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown pattern &apos;%1&apos; (choose one of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs --pattern (e.g. --pattern thread-pool)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 does not apply to pattern %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tab must be one of output|python|summary, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::CompareView</name>
    <message>
        <source>Pin current run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the run on screen to the comparison (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the stacked chart as PNG, SVG or PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run is pinned already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned %1 (%2 of %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned %1; %2 made room for it (at most %3 are compared).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin runs to compare them here: up to %1, stacked on one time axis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pinned run(s), started together on one time axis.</source>
        <translation>
            <numerusform>%n pinned run, started together on one time axis.</numerusform>
            <numerusform>%n pinned runs, started together on one time axis.</numerusform>
        </translation>
    </message>
    <message>
        <source>Makespan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequential estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cores used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIL wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spawning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is pinned: pin a run first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::GanttView</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Selection&lt;/b&gt; %1 to %2 (%3) · %4 slices</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Busy (on a CPU): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy share of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time per state (summed over slices)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (off CPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Run (F5) to see the chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand process %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse process %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse all processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand all processes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::MainWindow</name>
    <message>
        <source>2  Multiprocessing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3  Asynchronous programming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4  concurrent.futures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5  Parallel vs. asynchronous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened trace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 slices, %2 instants, %3 counter samples, %4 flow ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first event to last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequential estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tasks&apos; own work, back to back on one thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sequential ÷ time span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cores used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cores the slices name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time by state, summed over slices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % of the span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running time by track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasklane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the pattern with these parameters (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Auto-run on Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run again shortly after every parameter change, when the run takes under 2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the tutorial&apos;s values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole run (or double-click the chart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pin Run for Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the run on screen to the Compare tab (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;Core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Both: Cores, then Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Trace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a Chrome/Perfetto JSON trace: Tasklane&apos;s own, or one from VizTracer and other tools (Ctrl+O, or drop the file here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the chart as PNG, SVG or PDF (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart as &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart as &amp;SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trace (Chrome/Perfetto JSON)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Events as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Tasklane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Tasklane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tasklane %1&lt;/h3&gt;&lt;p&gt;A laboratory for concurrency: runs the patterns of a Python concurrency tutorial natively in C++ (processes, thread pools, asyncio), records every task&apos;s life and draws it as a Gantt chart across cores, workers and the event loop.&lt;/p&gt;&lt;p&gt;The GIL is a model of CPython&apos;s, not measured.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Patterns&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Parameters&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cores, then workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group the chart&apos;s rows by worker (thread, process, event loop), by CPU core, or both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1 highlighted; click it again to clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the Python program prints appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run to pin yet: run a pattern first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Compared Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the Python program to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python program copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run would take about %1 s: press Run (F5) to start it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the run (F5 or Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run  (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conclusion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: makespan %1 ms, speedup %2×, %3 events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#5a626c&apos;&gt;%2 ms &amp;middot; speedup %3× &amp;middot; %n core(s)&lt;/span&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#5a626c&apos;&gt;%2 ms &amp;middot; speedup %3× &amp;middot; %n core&lt;/span&gt;</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#5a626c&apos;&gt;%2 ms &amp;middot; speedup %3× &amp;middot; %n cores&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>makespan %1 ms, sequential estimate %2 ms, speedup %3×, efficiency %4 %, %n core(s) used</source>
        <translation>
            <numerusform>makespan %1 ms, sequential estimate %2 ms, speedup %3×, efficiency %4 %, %n core used</numerusform>
            <numerusform>makespan %1 ms, sequential estimate %2 ms, speedup %3×, efficiency %4 %, %n cores used</numerusform>
        </translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chrome/Perfetto trace (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (%3): makespan %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chrome/Perfetto trace (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no instant events (a program&apos;s printed lines are instants in Tasklane&apos;s traces).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instant events in %1, in time order (in Tasklane&apos;s traces, what the program printed):

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1: %2, %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n track</numerusform>
            <numerusform>%n tracks</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#5a626c&apos;&gt;opened trace &amp;middot; %2 &amp;middot; %3 &amp;middot; %4 ms&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasklane will start in %1 from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart now to switch? The run on screen and the pinned runs are not kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start Tasklane again: please restart it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the previous zoom (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom F&amp;orward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward to the zoom you went back from (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zoom to Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected time range (select with Shift+drag or a right-drag on the chart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ollapse All Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xpand All Processes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::ParameterPanel</name>
    <message>
        <source>Add task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds a task with the last task&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tasks: edit the list above (sliders for up to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new run folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an existing folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::RunController</name>
    <message>
        <source>

[… output cut: showing the first %1 of %2 characters. Export the trace, or run tasklane-cli, for all of it.]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run failed with an unknown error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::SummaryView</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makespan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first submit to last result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequential estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tasks&apos; own work, back to back on one thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sequential ÷ makespan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speedup per worker that could run at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cores used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of %1 on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIL wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threads waiting for the interpreter lock (a model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tasks waiting for a free worker, summed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spawning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting worker processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n track</numerusform>
            <numerusform>%n tracks</numerusform>
        </translation>
    </message>
    <message>
        <source>Per-core utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>makespan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>efficiency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cores used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::TimeRuler</name>
    <message>
        <source>The whole run: the box is the part on screen. Click or drag to move it, double-click to fit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
