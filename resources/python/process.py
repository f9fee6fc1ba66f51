{{#if start_method}}
import multiprocessing
{{/if}}
{{#if io}}
import time
{{/if}}
from multiprocessing import Process


def print_numbers():
    for i in range({{tasks}}):
        print(f"Number: {i}")
{{#if io}}
        time.sleep({{io_s}})
{{/if}}


if __name__ == "__main__":
{{#if start_method}}
    multiprocessing.set_start_method("{{start_method}}")
{{/if}}
{{#if single}}
    process = Process(target=print_numbers)
    process.start()
    process.join()
{{else}}
    processes = [Process(target=print_numbers) for _ in range({{workers}})]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
{{/if}}
