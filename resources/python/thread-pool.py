{{#if work}}
import time
{{/if}}
from concurrent.futures import ThreadPoolExecutor

{{#if free_threaded}}
# Run with a free-threaded build (python3.13t -X gil=0) to match gil=off.

{{/if}}

def square(n):
{{#if cpu}}
    end = time.thread_time() + {{cpu_s}}  # {{cpu_ms}} ms of CPU work
    while time.thread_time() < end:
        pass
{{/if}}
{{#if io}}
    time.sleep({{io_s}})  # {{io_ms}} ms of blocking I/O
{{/if}}
    return n ** 2


with ThreadPoolExecutor({{executor_args}}) as executor:
    numbers = {{numbers}}
    results = list(executor.map(square, numbers))
    print(results)
