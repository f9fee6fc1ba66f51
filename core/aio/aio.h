// aio: asyncio for Tasklane in one include (event loop, tasks, sleep, gather, wait_for,
// to_thread, async files).
#pragma once

#include "aio/async_file.h"
#include "aio/event_loop.h"
#include "aio/gather.h"
#include "aio/sleep.h"
#include "aio/task.h"
#include "aio/to_thread.h"
#include "aio/wait_for.h"
