{{#if start_method}}
import multiprocessing
{{/if}}
{{#if work}}
import time
{{/if}}
from multiprocessing import Pool


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


if __name__ == "__main__":
{{#if start_method}}
    multiprocessing.set_start_method("{{start_method}}")
{{/if}}
    with Pool({{workers}}) as pool:
        numbers = {{numbers}}
        results = pool.map(square, numbers{{chunksize_arg}})
        print(results)
