{{#if start_method}}
import multiprocessing
{{/if}}
{{#if work}}
import time
{{/if}}
from concurrent.futures import ProcessPoolExecutor


def cube(n):
{{#if cpu}}
    end = time.thread_time() + {{cpu_s}}  # {{cpu_ms}} ms of CPU work
    while time.thread_time() < end:
        pass
{{/if}}
{{#if io}}
    time.sleep({{io_s}})  # {{io_ms}} ms of blocking I/O
{{/if}}
    return n ** 3


if __name__ == "__main__":
    with ProcessPoolExecutor({{executor_args}}) as executor:
        numbers = {{numbers}}
        results = list(executor.map(cube, numbers{{chunksize_arg}}))
        print(results)
