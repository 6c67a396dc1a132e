/**
 * Texts of the shared face pieces (camera, liveness steps, face checks). They live in the `identity` namespace
 * under `face` (features/identity/i18n.ts spreads them in), beside the identity service's error codes.
 */
export const faceTexts = {
  'zh-CN': {
    camera: {
      label: '摄像头画面',
      starting: '正在打开摄像头…',
      hint: '请在光线充足处，让面部位于画面中央。画面只用于本次核验，不会保存在浏览器中。',
      problems: {
        denied: '浏览器未允许使用摄像头。请在地址栏的网站设置中允许摄像头，然后点击“重新打开摄像头”。',
        not_found: '没有找到可用的摄像头。请连接摄像头后重试。',
        in_use: '摄像头正被其他程序使用。请关闭其他使用摄像头的程序后重试。',
        unsupported: '当前浏览器不支持摄像头。请使用最新版的 Chrome、Edge、Safari 或 Firefox。',
        other: '无法打开摄像头，请重试。',
      },
      retry: '重新打开摄像头',
    },
    steps: {
      turn_left: '请慢慢向左转头',
      turn_right: '请慢慢向右转头',
      look_straight: '请正视摄像头',
      close_eyes: '请闭上眼睛',
      open_mouth: '请张开嘴巴',
    },
    capture: {
      intro: '点击“开始”后，请按屏幕提示依次完成 {{count}} 个动作，每个动作约 3 秒，系统会自动拍照。',
      introUnknown: '点击“开始”后，请按屏幕提示依次完成几个简单动作，系统会自动拍照。',
      start: '开始',
      stop: '停止',
      preparing: '正在准备动作…',
      step: '第 {{index}} 步，共 {{total}} 步：{{prompt}}',
      countdown: '{{seconds}} 秒后拍照',
      sending: '正在核验，请稍候…',
      stopped: '已停止。准备好后请重新开始。',
    },
    check: {
      passed: '人脸核验通过',
      refusedTitle: '人脸核验未通过',
      retry: '重新核验',
      cancel: '取消',
      review: '申请人工复核',
      reviewReason: '复核说明',
      reviewReasonHint: '请说明情况，例如：本人操作，光线较暗。',
      reviewReasonRequired: '请填写复核说明',
      reviewSubmit: '提交复核申请',
      reviewSent: '复核申请已提交，工作人员会尽快处理。',
    },
    reasons: {
      step_not_shown: '第 {{frame}} 张照片没有做出“{{prompt}}”的动作。请跟随提示，动作幅度稍大一些。',
      different_face: '几张照片中出现了不同的人脸。请确保整个过程中只有您本人在画面中。',
      still_image: '系统检测到同一张图片被重复使用。请本人面对摄像头完成动作。',
      flat_picture: '照片看起来像是翻拍的图片而不是真人转头。请本人面对摄像头完成动作。',
      timing: '照片拍摄时间不连贯。请一次性完成所有动作，不要中途停顿。',
      replayed: '照片与之前提交过的照片相同。请重新拍摄。',
      unusable_frame: '有一张照片无法识别出人脸。请在光线充足处正对摄像头。',
      face_mismatch: '人脸与登记的照片不一致。',
      service_undecided: '活体检测服务暂时无法给出结果，请几分钟后重试。',
      other: '核验未通过，请在光线充足处重试。',
    },
  },
  en: {
    camera: {
      label: 'Camera picture',
      starting: 'Opening the camera…',
      hint: 'Sit in good light with your face in the middle of the picture. The picture is used for this check only and never stored in the browser.',
      problems: {
        denied:
          'The browser did not allow the camera. Allow it in the site settings next to the address bar, then choose "Open the camera again".',
        not_found: 'No camera was found. Connect one and try again.',
        in_use: 'Another program is using the camera. Close it and try again.',
        unsupported: 'This browser cannot use a camera. Use a current Chrome, Edge, Safari or Firefox.',
        other: 'The camera could not be opened; please try again.',
      },
      retry: 'Open the camera again',
    },
    steps: {
      turn_left: 'Slowly turn your head to your left',
      turn_right: 'Slowly turn your head to your right',
      look_straight: 'Look straight at the camera',
      close_eyes: 'Close your eyes',
      open_mouth: 'Open your mouth',
    },
    capture: {
      intro:
        'After "Start", follow the {{count}} prompts on the screen, about 3 seconds each; a photo is taken automatically.',
      introUnknown:
        'After "Start", follow a few simple prompts on the screen; photos are taken automatically.',
      start: 'Start',
      stop: 'Stop',
      preparing: 'Preparing the prompts…',
      step: 'Step {{index}} of {{total}}: {{prompt}}',
      countdown: 'Photo in {{seconds}} s',
      sending: 'Checking, please wait…',
      stopped: 'Stopped. Start again when you are ready.',
    },
    check: {
      passed: 'Face check passed',
      refusedTitle: 'The face check did not pass',
      retry: 'Try again',
      cancel: 'Cancel',
      review: 'Ask for a human review',
      reviewReason: 'What happened',
      reviewReasonHint: 'For example: it was me, the room was dark.',
      reviewReasonRequired: 'Please say what happened',
      reviewSubmit: 'Send the review request',
      reviewSent: 'Your review request was sent; staff will look at it soon.',
    },
    reasons: {
      step_not_shown:
        'Photo {{frame}} does not show "{{prompt}}". Follow the prompts and make the movement a little larger.',
      different_face:
        'The photos show different faces. Make sure only you are in the picture the whole time.',
      still_image:
        'The same picture was sent more than once. Do the movements yourself in front of the camera.',
      flat_picture:
        'The photos look like a picture held to the camera, not a head turning. Do the movements yourself.',
      timing: 'The photos were not taken in one go. Do all the movements without a pause.',
      replayed: 'A photo is the same as one sent before. Please take new ones.',
      unusable_frame: 'A face could not be found in one photo. Face the camera in good light.',
      face_mismatch: 'The face does not match the registered photo.',
      service_undecided: 'The liveness service could not decide right now; try again in a few minutes.',
      other: 'The check did not pass; try again in good light.',
    },
  },
} as const;

/** Error codes of the face routes, in both languages (merged into the identity errors table). */
export const faceErrors = {
  'zh-CN': {
    'FACE.ATTEMPTS_EXHAUSTED': '今天的人脸核验失败次数已达上限，请明天再试，或对失败的核验申请人工复核。',
    'FACE.CHALLENGE_EXPIRED': '本次核验已超时（动作需在 2 分钟内完成），请重新开始。',
    'FACE.CHALLENGE_MISMATCH': '核验数据不完整，请重新开始。',
    'FACE.CHALLENGE_NOT_FOUND': '本次核验已失效，请重新开始。',
    'FACE.CONSENT_REQUIRED': '进行人脸核验前，需要您同意处理人脸信息。',
    'FACE.ENGINE_UNAVAILABLE': '人脸识别服务暂时不可用，请稍后重试。',
    'FACE.EXAM_ID_REQUIRED': '未指定考试，无法进行考试人脸核验。',
    'FACE.IMAGE_INVALID': '照片无法识别，请重试。',
    'FACE.IMAGE_TOO_LARGE': '照片过大，请重试。',
    'FACE.MULTIPLE': '画面中有多张人脸，请确保只有您本人在画面中。',
    'FACE.NOT_ENROLLED': '您的账号尚未录入人脸，请先完成实名认证的人脸核验。',
    'FACE.NOT_FOUND': '画面中没有检测到人脸，请在光线充足处正对摄像头。',
    'FACE.TOO_SMALL': '人脸太小，请靠近摄像头一些。',
    'FACE.NOT_VERIFIED_PERSON': '人脸与实名认证时核验的人脸不一致。',
    'FACE.REAL_NAME_FACE_REQUIRED': '考试人脸核验需要先在“实名认证”中完成人脸核验。',
    'FACE.REVIEW_NOT_APPLICABLE': '这次核验已申请过复核，或无需复核。',
    'FACE.ALREADY_ENROLLED': '您的账号已录入人脸。',
    'FACE.SIGN_IN_UNAVAILABLE': '该账号暂不能刷脸登录，请使用密码或验证码登录。',
    'FACE.TOO_MANY_FAILURES_FROM_NETWORK': '当前网络刷脸失败次数过多，请使用密码登录或稍后再试。',
    'FACE.TICKET_INVALID': '刷脸核验已过期，请从登录页重新开始。',
  },
  en: {
    'FACE.ATTEMPTS_EXHAUSTED':
      'Too many failed face checks today; try again tomorrow, or ask for a human review of a failed check.',
    'FACE.CHALLENGE_EXPIRED':
      'The check timed out (the movements must be done within 2 minutes); start again.',
    'FACE.CHALLENGE_MISMATCH': 'The check data was incomplete; start again.',
    'FACE.CHALLENGE_NOT_FOUND': 'This check is no longer valid; start again.',
    'FACE.CONSENT_REQUIRED': 'A face check needs your consent to the processing of your face data.',
    'FACE.ENGINE_UNAVAILABLE': 'Face recognition is briefly unavailable; try again shortly.',
    'FACE.EXAM_ID_REQUIRED': 'No exam was named for this exam face check.',
    'FACE.IMAGE_INVALID': 'A photo could not be read; try again.',
    'FACE.IMAGE_TOO_LARGE': 'A photo was too large; try again.',
    'FACE.MULTIPLE': 'More than one face is in the picture; make sure only you are in it.',
    'FACE.NOT_ENROLLED':
      'No face is registered for your account yet; do the face step of the real-name check.',
    'FACE.NOT_FOUND': 'No face was found; face the camera in good light.',
    'FACE.TOO_SMALL': 'Your face is too small in the picture; move closer to the camera.',
    'FACE.NOT_VERIFIED_PERSON': 'This face is not the one verified with your real name.',
    'FACE.REAL_NAME_FACE_REQUIRED':
      'Exam face checks need the face step of your real-name verification first (Real-name page).',
    'FACE.REVIEW_NOT_APPLICABLE': 'This check was already sent for review, or needs none.',
    'FACE.ALREADY_ENROLLED': 'A face is already registered for your account.',
    'FACE.SIGN_IN_UNAVAILABLE':
      'Face sign-in is not set up for this account; sign in with your password or a code.',
    'FACE.TOO_MANY_FAILURES_FROM_NETWORK':
      'Too many failed face checks from your network; sign in with your password or try later.',
    'FACE.TICKET_INVALID': 'The face sign-in expired; start again from the sign-in page.',
  },
} as const;
